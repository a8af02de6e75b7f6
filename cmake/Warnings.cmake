# Warnings for crampx's own targets (not for generated or third-party code).
function(crampx_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                         -Wcast-align -Wunused -Woverloaded-virtual -Wformat=2)
  if(CRAMPX_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

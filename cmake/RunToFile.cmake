# cmake -DPROGRAM=exe -DARGS="a;b" -DOUTPUT=file -P RunToFile.cmake
# Runs a program and writes its stdout to a file (for the generated man page and completions).
execute_process(COMMAND ${PROGRAM} ${ARGS} OUTPUT_FILE ${OUTPUT}.tmp RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} ${ARGS} failed (${rc})")
endif()
file(RENAME ${OUTPUT}.tmp ${OUTPUT})

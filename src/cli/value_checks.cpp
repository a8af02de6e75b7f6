#include "cli/value_checks.h"

#include <charconv>

#include <fmt/format.h>

#include "cli/suggest.h"

namespace crampx::cli {

CLI::Validator number_from_to(long lo, long hi) {
  return CLI::Validator(
      [lo, hi](std::string& value) -> std::string {
        long n = 0;
        const char* end = value.data() + value.size();
        const auto [ptr, ec] = std::from_chars(value.data(), end, n);
        if (value.empty() || ptr != end || (ec != std::errc() && ec != std::errc::result_out_of_range)) {
          return fmt::format("'{}' is not a number", value);
        }
        if (ec == std::errc::result_out_of_range || n < lo || n > hi) {
          return fmt::format("{} is out of range: give a number from {} to {}", value, lo, hi);
        }
        return "";
      },
      "");
}

CLI::Validator one_of_values(std::vector<std::string> values) {
  std::string listed = fmt::format("{}", fmt::join(values, ", "));
  return CLI::Validator(
      [values = std::move(values), listed](std::string& value) -> std::string {
        for (const std::string& v : values) {
          if (v == value) return "";
        }
        const std::string near = nearest(value, values);
        return fmt::format("'{}' is not one of {}{}", value, listed,
                           near.empty() ? "" : fmt::format("; did you mean '{}'?", near));
      },
      "");
}

}  // namespace crampx::cli

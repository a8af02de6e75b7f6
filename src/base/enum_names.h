// One name table per enum: the words the knowledge base, the reports and the command
// line use for its values. Each enum's table sits next to the enum, as a specialization
// of EnumNames listing every value in order from 0; to_string (for renderers) and
// parse_enum (for the compiler and the command line) both read it, so a name is
// written once.
//
//   template <> struct EnumNames<Level> {
//     static constexpr std::pair<Level, std::string_view> table[] = {
//         {Level::self_care, "self_care"}, {Level::consult, "consult"}, ...};
//   };
#pragma once

#include <cstddef>
#include <iterator>
#include <optional>
#include <string_view>
#include <utility>

namespace crampx {

template <class E>
struct EnumNames;

template <class E>
concept NamedEnum = requires { EnumNames<E>::table; };

// Whether the table lists the values 0, 1, 2 ... in order, so that to_string can index it.
template <NamedEnum E>
constexpr bool names_in_value_order() {
  std::size_t i = 0;
  for (const auto& entry : EnumNames<E>::table) {
    if (static_cast<std::size_t>(entry.first) != i++) return false;
  }
  return true;
}

// The name of `value`; empty for a value the table does not list.
template <NamedEnum E>
constexpr std::string_view to_string(E value) {
  static_assert(names_in_value_order<E>(), "an EnumNames table lists every value in order from 0");
  const auto i = static_cast<std::size_t>(value);
  return i < std::size(EnumNames<E>::table) ? EnumNames<E>::table[i].second : std::string_view();
}

// The value named `name` (exactly), if any.
template <NamedEnum E>
constexpr std::optional<E> parse_enum(std::string_view name) {
  for (const auto& [value, n] : EnumNames<E>::table) {
    if (n == name) return value;
  }
  return std::nullopt;
}

// How many values the table names.
template <NamedEnum E>
constexpr std::size_t enum_count() {
  return std::size(EnumNames<E>::table);
}

}  // namespace crampx

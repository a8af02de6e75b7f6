#include "cli/record_json.h"

// RapidJSON's SSE2 scans stay off: in Debian's 1.1.0 the string scan lets raw bytes
// 0x1A-0x1F through (it compares against 0x19; fixed upstream after 1.1.0).
#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <new>

#include <fmt/format.h>

#include "base/json_limits.h"
#include "base/utf8.h"
#include "cli/kept_buffer.h"
#include "report/json_writer.h"

namespace crampx::cli {
namespace {

enum class Field { other, id, text, answers };

// RapidJSON's own allocator returns null when memory runs out, and its parser then
// writes through it (a crash under a memory limit): this one throws std::bad_alloc, which
// the stream turns into an error record, as for any other allocation.
struct ThrowingAllocator {
  static constexpr bool kNeedFree = true;
  void* Malloc(std::size_t size) { return size == 0 ? nullptr : checked(std::malloc(size)); }
  void* Realloc(void* original, std::size_t /*original_size*/, std::size_t new_size) {
    if (new_size == 0) {
      std::free(original);
      return nullptr;
    }
    return checked(std::realloc(original, new_size));
  }
  static void Free(void* p) { std::free(p); }

 private:
  static void* checked(void* p) {
    if (p == nullptr) throw std::bad_alloc();
    return p;
  }
};
using Reader = rapidjson::GenericReader<rapidjson::UTF8<>, rapidjson::UTF8<>, ThrowingAllocator>;

// Whether a JSON number (as written) is within a double's range; underflow to zero is fine.
bool fits_a_double(std::string_view number) {
  if (number.size() < 300 && number.find_first_of("eE") == std::string_view::npos) {
    return true;  // fewer than 300 characters and no exponent: below 1e300
  }
  const std::string copy(number);  // strtod needs a terminated string
  errno = 0;
  const double d = std::strtod(copy.c_str(), nullptr);
  return !(errno == ERANGE && std::isinf(d));
}

// Collects the three fields of a record and notes the first type error; unknown
// fields are skipped. Returning false stops the parse (only for excess depth).
class Handler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, Handler> {
 public:
  explicit Handler(RecordFields& out) : out_(out) {}

  bool too_deep = false;
  bool root_not_object = false;
  bool has_text = false;
  std::optional<Error> type_error;

  bool StartObject() { return open(true); }
  bool StartArray() { return open(false); }
  bool EndObject(rapidjson::SizeType) { return close(); }
  bool EndArray(rapidjson::SizeType) { return close(); }

  // True between the key "id" and its value: a string error there is the id's.
  bool reading_id() const { return reading_id_; }

  bool Key(const char* s, rapidjson::SizeType n, bool) {
    if (depth_ == 1) {
      const std::string_view k(s, n);
      field_ = k == "id" ? Field::id : k == "text" ? Field::text : k == "answers" ? Field::answers : Field::other;
      reading_id_ = field_ == Field::id;
    } else if (depth_ == 2 && in_answers_) {
      answer_key_.assign(s, n);
    }
    return true;
  }

  bool String(const char* s, rapidjson::SizeType n, bool) { return scalar(Kind::string, std::string_view(s, n)); }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool) { return scalar(Kind::number, std::string_view(s, n)); }
  bool Bool(bool b) { return scalar(b ? Kind::truth : Kind::falsity, {}); }
  bool Null() { return scalar(Kind::null, {}); }

 private:
  enum class Kind { string, number, truth, falsity, null };

  void fail(ErrorCode code, const char* message) {
    if (!type_error) type_error = Error{code, message};
  }

  bool open(bool object) {
    reading_id_ = false;
    if (++depth_ > kMaxJsonDepth) {
      too_deep = true;
      return false;
    }
    if (depth_ == 1 && !object) root_not_object = true;
    if (depth_ == 2) {
      if (field_ == Field::id) fail(ErrorCode::invalid_id, "\"id\" must be a string or a number");
      if (field_ == Field::text) fail(ErrorCode::invalid_text, "\"text\" must be a string");
      if (field_ == Field::answers && !object) fail(ErrorCode::invalid_answers, kAnswersMessage);
      in_answers_ = field_ == Field::answers && object;
    }
    if (depth_ == 3 && in_answers_) {
      out_.answers.emplace_back(answer_key_, "");  // not an answer: rejected when answers are resolved
    }
    return true;
  }

  bool close() {
    if (depth_ == 2) in_answers_ = false;
    --depth_;
    return true;
  }

  bool scalar(Kind kind, std::string_view value) {
    reading_id_ = false;
    if (depth_ == 0) {
      root_not_object = true;
    } else if (depth_ == 1) {
      switch (field_) {
        case Field::id:
          if (kind == Kind::string) {
            // Echoed exactly or refused: invalid UTF-8 (raw, or a lone low surrogate escape,
            // which RapidJSON decodes to bytes no UTF-8 reader accepts) would be echoed as
            // U+FFFD, and two ids would collide.
            if (!utf8::is_valid(value)) {
              fail(ErrorCode::invalid_id, kIdUtf8Message);
              break;
            }
            std::string quoted;
            report::append_json_string(quoted, value);
            out_.id = std::move(quoted);
          } else if (kind == Kind::number) {
            // Echoed as written, so it must be a number every reader can hold: RapidJSON lets
            // some beyond a double's range through ("-0.5E+311"), which other parsers refuse.
            if (!fits_a_double(value)) {
              fail(ErrorCode::invalid_id, "a numeric \"id\" must fit in a double (at most about 1.8e308)");
              break;
            }
            out_.id = std::string(value);
          } else if (kind != Kind::null) {
            fail(ErrorCode::invalid_id, "\"id\" must be a string or a number");
          }
          break;
        case Field::text:
          if (kind == Kind::string) {
            out_.text.assign(value);
            has_text = true;
          } else {
            has_text = true;  // present, but of the wrong type
            fail(ErrorCode::invalid_text, "\"text\" must be a string");
          }
          break;
        case Field::answers:
          if (kind != Kind::null) fail(ErrorCode::invalid_answers, kAnswersMessage);
          break;
        case Field::other: break;
      }
    } else if (depth_ == 2 && in_answers_) {
      const char* answer = kind == Kind::truth ? "yes" : kind == Kind::falsity ? "no" : "";
      out_.answers.emplace_back(answer_key_, kind == Kind::string ? std::string(value) : std::string(answer));
    }
    return true;
  }

  static constexpr const char* kIdUtf8Message =
      "a string \"id\" must be valid UTF-8, with no lone surrogate escape, so that it is echoed exactly";
  static constexpr const char* kAnswersMessage =
      "\"answers\" must be an object of FINDING: \"yes\"|\"no\"|\"unknown\"";

  RecordFields& out_;
  std::size_t depth_ = 0;
  Field field_ = Field::other;
  bool in_answers_ = false;
  bool reading_id_ = false;
  std::string answer_key_;
};

// Errors RapidJSON finds inside a string's escapes ("\ud800" alone, "\uZZZZ", "\q").
bool string_escape_error(rapidjson::ParseErrorCode code) {
  return code == rapidjson::kParseErrorStringUnicodeSurrogateInvalid ||
         code == rapidjson::kParseErrorStringUnicodeEscapeInvalidHex || code == rapidjson::kParseErrorStringEscapeInvalid;
}

// Reads `line` from `copy`, its NUL-terminated copy, in place: strings are decoded where they
// lie instead of through a stack, and a NUL-terminated stream needs no bounds check per byte
// (a bounded stream's reads were half the parse). A NUL byte inside the line ends the parse
// there, as the line's end does: the same errors as reading the line where it lies.
std::optional<Error> read_in_place(std::string_view line, std::string& copy, Reader& reader,
                                   RecordFields& out) {
  Handler handler(out);
  rapidjson::InsituStringStream in(copy.data());
  // No UTF-8 validation here: invalid bytes in a string are read like invalid bytes in a plain
  // text line (as U+FFFD), so such a record is answered rather than lost, and the parse is
  // about a fifth faster. Output stays valid JSON: the writer escapes invalid bytes.
  constexpr unsigned kFlags = rapidjson::kParseInsituFlag | rapidjson::kParseIterativeFlag |
                              rapidjson::kParseNumbersAsStringsFlag | rapidjson::kParseStopWhenDoneFlag;
  const rapidjson::ParseResult ok = reader.Parse<kFlags>(in, handler);
  if (handler.too_deep) {
    return Error{ErrorCode::invalid_json, fmt::format("JSON nested deeper than {} levels", kMaxJsonDepth)};
  }
  if (!ok && handler.reading_id() && string_escape_error(ok.Code())) {
    return Error{ErrorCode::invalid_id, fmt::format("the \"id\" at byte {} is not a valid string: {}", ok.Offset(),
                                                    rapidjson::GetParseError_En(ok.Code()))};
  }
  if (!ok) {
    return Error{ErrorCode::invalid_json, fmt::format("invalid JSON at byte {}: {}", ok.Offset(),
                                             rapidjson::GetParseError_En(ok.Code()))};
  }
  // The record must end with the value: anything but blanks after it is an error.
  const std::size_t end = in.Tell();
  if (line.find_first_not_of(" \t\r\n", end) != std::string_view::npos) {
    return Error{ErrorCode::invalid_json, fmt::format("invalid JSON at byte {}: more data after the record", end)};
  }
  if (handler.root_not_object) return Error{ErrorCode::invalid_record, "a JSON record must be an object with a \"text\" field"};
  if (handler.type_error && handler.type_error->code == ErrorCode::invalid_id) return handler.type_error;
  if (!handler.has_text) return Error{ErrorCode::missing_text, "the record has no \"text\" field"};
  if (handler.type_error) return handler.type_error;
  return std::nullopt;
}

}  // namespace

struct JsonRecordReader::Buffers {
  Reader reader;       // its state stack is kept for the next line
  std::string copy;          // so is the copy's buffer: no allocation per record
};

JsonRecordReader::JsonRecordReader() : buffers_(std::make_unique<Buffers>()) {}
JsonRecordReader::~JsonRecordReader() = default;

std::optional<Error> JsonRecordReader::read(std::string_view line, RecordFields& out) {
  out.id.reset();
  out.text.clear();
  out.answers.clear();
  buffers_->copy.assign(line);
  std::optional<Error> error = read_in_place(line, buffers_->copy, buffers_->reader, out);
  empty_kept(buffers_->copy, 1 << 20);  // but not a huge line's
  return error;
}

}  // namespace crampx::cli

#pragma once
/// @file
/// One exception hierarchy for the whole library: tools/ maps these to messages and exit codes.
#include <cstddef>
#include <stdexcept>
#include <string>

namespace liaison {

/// Base of every error the library throws. what() is the full message, stage prefix included.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A position in a text input; line and column are 1-based, 0 when unknown.
struct TextPosition {
    std::string file;
    std::size_t line = 0;
    std::size_t column = 0;
    std::string to_string() const;  // "file:line:column", parts omitted when unknown
};

/// Bad input: a file, a field or a value that does not hold what was expected.
class InputError : public Error {
public:
    InputError(TextPosition where, const std::string& message);
    const TextPosition& where() const { return where_; }
    const std::string& message() const { return message_; }

private:
    TextPosition where_;
    std::string message_;
};

/// A reference to something that does not exist (an unknown id or name), or is ambiguous.
class LookupError : public Error {
public:
    using Error::Error;
};

/// Misuse of an API or invalid options; names the parameter.
class ArgumentError : public Error {
public:
    using Error::Error;
};

/// Failure of the operating system (I/O, disk full, locks), with errno text.
class SystemError : public Error {
public:
    using Error::Error;
};

#define LIAISON_ASSERT(cond)                                                 \
    do {                                                                     \
        if (!(cond)) ::liaison::assertion_failed(#cond, __FILE__, __LINE__); \
    } while (0)

[[noreturn]] void assertion_failed(const char* what, const char* file, int line);

}  // namespace liaison

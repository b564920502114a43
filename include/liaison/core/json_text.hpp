#pragma once
// JSON string literals for the JSON that liaison writes by hand (command output, query results,
// reports), where a fixed layout matters more than a writer library's.
#include <string>
#include <string_view>

namespace liaison {

// `text` as a quoted JSON string: quotes, backslashes and control characters escaped, UTF-8
// left as it is so Arabic stays readable in the files.
std::string json_quote(std::string_view text);

}  // namespace liaison

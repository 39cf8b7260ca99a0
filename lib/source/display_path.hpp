#pragma once
// A path as shown on stderr, where every `path: reason` must stay one line: control characters
// and undecodable bytes are escaped C-style, as GNU ls -b does; everything else (spaces,
// non-ASCII letters) is shown as it is. The database keeps the real bytes; this is for display.

#include <string>
#include <string_view>

namespace dossier::source {

// "new\nline.txt" -> "new\\nline.txt". Escapes: \a \b \t \n \v \f \r, a backslash as "\\",
// any other ASCII control byte, DEL, a C1 control (U+0080..U+009F) and every byte that is not
// part of valid UTF-8 as three-digit octal "\ooo" (one per byte).
std::string display_path(std::string_view path);

}  // namespace dossier::source

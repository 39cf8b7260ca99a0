#include "lib/text/decode.hpp"

#include <catch2/catch.hpp>

using dossier::text::decode;

TEST_CASE("valid UTF-8 is kept byte for byte, CRLF included", "[decode]") {
  auto d = decode("Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D\r\nline two\f");
  REQUIRE(d.ok);
  CHECK(d.encoding == "utf-8");
  CHECK(d.text == "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D\r\nline two\f");
  CHECK(d.warnings.empty());
}

TEST_CASE("a UTF-8 BOM is stripped and named", "[decode]") {
  auto d = decode("\xEF\xBB\xBFHello");
  REQUIRE(d.ok);
  CHECK(d.text == "Hello");
  CHECK(d.encoding == "utf-8-bom");
}

TEST_CASE("Windows-1252 smart quotes and pound sign decode", "[decode]") {
  auto d = decode("\x93" "Fined \xA3" "20m\x94 \x96 said the ICO");
  REQUIRE(d.ok);
  CHECK(d.encoding == "windows-1252");
  CHECK(d.text == "\xE2\x80\x9C" "Fined \xC2\xA3" "20m\xE2\x80\x9D \xE2\x80\x93 said the ICO");
  CHECK(d.warnings == std::vector<std::string>{"not UTF-8: decoded as Windows-1252"});
}

TEST_CASE("mixed valid and invalid UTF-8 is repaired with a warning", "[decode]") {
  auto d = decode("caf\xC3\xA9 and \xFF bad");
  REQUIRE(d.ok);
  CHECK(d.encoding == "utf-8 (repaired)");
  CHECK(d.text == "caf\xC3\xA9 and \xEF\xBF\xBD bad");
  CHECK(d.warnings == std::vector<std::string>{"1 invalid UTF-8 sequence replaced with U+FFFD"});
}

TEST_CASE("binary data is refused with the offset of its first NUL", "[decode]") {
  std::string raw("\x7F" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16);
  auto d = decode(raw);
  CHECK_FALSE(d.ok);
  CHECK(d.error == "binary file (NUL byte at offset 7)");
}

TEST_CASE("a stray NUL in long prose is replaced, not refused", "[decode]") {
  std::string raw(2000, 'a');
  raw[1000] = '\0';
  auto d = decode(raw);
  REQUIRE(d.ok);
  CHECK(d.text.substr(1000, 3) == "\xEF\xBF\xBD");
  CHECK(d.warnings == std::vector<std::string>{"1 NUL byte replaced with U+FFFD"});
}

TEST_CASE("UTF-16LE with a BOM is converted", "[decode]") {
  std::string raw("\xFF\xFEH\0i\0", 6);
  auto d = decode(raw);
  REQUIRE(d.ok);
  CHECK(d.encoding == "utf-16le");
  CHECK(d.text == "Hi");
}

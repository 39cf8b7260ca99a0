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
  std::string raw("\x02\x01\x01\0\0\0\0\0\0\0\0\0abcd", 16);
  auto d = decode(raw);
  CHECK_FALSE(d.ok);
  CHECK(d.error == "binary file (NUL byte at offset 3)");
}

TEST_CASE("a known binary signature is refused by its format's name", "[decode]") {
  CHECK(decode(std::string("\x7F" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16)).error ==
        "binary file (ELF executable)");
  // No NUL and no control byte at all: refused for its signature alone.
  CHECK(decode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n").error ==
        "binary file (PDF document)");
  CHECK(decode(std::string("\x89PNG\r\n\x1a\n", 8)).error == "binary file (PNG image)");
  CHECK(decode(std::string("RIFF\x24\0\0\0WAVEfmt ", 16)).error == "binary file (WAV audio)");
}

TEST_CASE("a signature's first letters in prose are text", "[decode]") {
  CHECK(decode("PDF files and RIFF chunks are formats.\n").ok);
  CHECK(decode("RIFF").ok);  // shorter than the form type it would need
  CHECK(decode("GIF8 is not a GIF.").ok);
  // A threat report's title: GIF89a is also a malware family. A real GIF's header follows its
  // magic with binary sizes.
  CHECK(decode("GIF89a Uses OAuth Access Token Phishing\nPublished Dec 2023\n").ok);
  CHECK(decode(std::string("GIF89a\x01\x00\x01\x00\x80\x00\x00", 13)).error ==
        "binary file (GIF image)");
  CHECK(decode("1234ftyp is a word here.").ok);
}

TEST_CASE("a lone NUL in a short text is replaced, not refused", "[decode]") {
  std::string raw("The ICO fined Acme\0 Ltd.\n", 25);
  auto d = decode(raw);
  REQUIRE(d.ok);
  CHECK(d.text == "The ICO fined Acme\xEF\xBF\xBD Ltd.\n");
  CHECK(d.warnings == std::vector<std::string>{"1 NUL byte replaced with U+FFFD"});
  CHECK(decode(std::string("\0", 1)).text == "\xEF\xBF\xBD");
}

TEST_CASE("two NULs in a short file are a binary format", "[decode]") {
  auto d = decode(std::string("ab\0cd\0ef", 8));
  CHECK_FALSE(d.ok);
  CHECK(d.error == "binary file (NUL byte at offset 2)");
}

TEST_CASE("UTF-16 without a byte-order mark is refused as binary", "[decode]") {
  auto d = decode(std::string("H\0e\0l\0l\0o\0", 10));
  CHECK(d.error == "binary file (NUL byte at offset 1)");
}

TEST_CASE("one control byte in a short text is kept; many are binary", "[decode]") {
  auto d = decode("a\x01b");
  REQUIRE(d.ok);
  CHECK(d.text == "a\x01b");
  CHECK(decode("\x01\x02\x03\x04 text").error == "binary file (control bytes)");
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

TEST_CASE("decode_owned gives the same text and frees the caller's bytes", "[decode]") {
  std::string utf8 = "caf\xC3\xA9 text\n";
  auto d = dossier::text::decode_owned(std::move(utf8));
  CHECK(d.text == "caf\xC3\xA9 text\n");
  CHECK(d.encoding == "utf-8");
  CHECK(utf8.empty());  // NOLINT(bugprone-use-after-move): moved-from state is the contract
  std::string bom = "\xEF\xBB\xBFLine\r\n";
  auto b = dossier::text::decode_owned(std::move(bom));
  CHECK(b.text == "Line\r\n");
  CHECK(b.encoding == "utf-8-bom");
  CHECK(bom.empty());  // NOLINT(bugprone-use-after-move)
  std::string cp1252 = "\x93quoted\x94";
  CHECK(dossier::text::decode_owned(std::move(cp1252)).text ==
        "\xE2\x80\x9Cquoted\xE2\x80\x9D");
}

TEST_CASE("UTF-8 validity is judged at every offset, around the eight-byte ASCII steps",
          "[decode]") {
  for (std::size_t at = 0; at <= 24; ++at) {
    CAPTURE(at);
    std::string ascii(24, 'a');
    CHECK(dossier::text::is_valid_utf8(ascii.substr(0, at)));
    CHECK_FALSE(dossier::text::is_valid_utf8(ascii.substr(0, at) + "\xFF" + ascii));
    CHECK(dossier::text::is_valid_utf8(ascii.substr(0, at) + "\xE2\x80\x99" + ascii));
    CHECK_FALSE(dossier::text::is_valid_utf8(ascii.substr(0, at) + "\xE2\x80"));  // cut short
  }
}

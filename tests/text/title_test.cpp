#include "lib/text/title.hpp"

#include <catch2/catch.hpp>

using dossier::text::find_title;

TEST_CASE("a Title: header or front matter wins", "[title]") {
  CHECK(find_title("Date: 2024-05-02\nTitle: Home Office breach\n\nBody.") == "Home Office breach");
  CHECK(find_title("---\ndate: 2024-05-02\ntitle: \"Quoted title\"\n---\nBody") == "Quoted title");
}

TEST_CASE("a short first line is the headline", "[title]") {
  CHECK(find_title("\n\nApple plans another special event\n\nOctober 04, 2005\n") ==
        "Apple plans another special event");
}

TEST_CASE("a long first paragraph is cut at a word with an ellipsis", "[title]") {
  std::string para(30, 'x');
  para = "Earlier this year, Russia's foreign intelligence service stole internal emails and data on "
         "individuals from the UK government, and then it went on for a very long while more, " +
         para + " and more words to pass two hundred bytes in all of this paragraph text.";
  std::string t = find_title(para);
  CHECK(t == "Earlier this year, Russia's foreign intelligence service stole internal emails and data on\xE2\x80\xA6");
}

// find_title tests the head for a label before a colon before it runs the header pattern.
TEST_CASE("a title header in any case, a tab before its colon, or a long s", "[title]") {
  CHECK(find_title("Intro line\nSUBJECT\t: Breach at the council\n") == "Breach at the council");
  CHECK(find_title("Intro line\n\xC5\xBFubject: Long s\n") == "Long s");  // U+017F under (?i)
  CHECK(find_title("Intro line\n  headline:Lost laptops\n") == "Lost laptops");
  CHECK(find_title("Intro line\nSubtitle: not a title\n") == "Intro line");
  CHECK(find_title("Intro line\nNote: nothing here\n") == "Intro line");
}

// Page furniture: which lines are flagged, as exact byte spans.
#include "lib/text/boilerplate.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using dossier::text::find_boilerplate;
using dossier::text::LineIndex;
using dossier::text::Span;

namespace {

std::vector<Span> furniture(const std::string& text) {
  return find_boilerplate(text, LineIndex(text));
}

// The flagged lines' text, for readable failures.
std::vector<std::string> furniture_lines(const std::string& text) {
  std::vector<std::string> out;
  for (Span s : furniture(text)) out.push_back(text.substr(s.start, s.size()));
  return out;
}

}  // namespace

TEST_CASE("share and follow prompts are furniture", "[boilerplate]") {
  std::string t = "The ICO said it would act.\nFollow me on Twitter: @x and Facebook\nShare this article\n";
  CHECK(furniture(t) == std::vector<Span>{{27, 64}, {65, 83}});
}

TEST_CASE("a byline and a tag line are furniture, a sentence starting with By is not",
          "[boilerplate]") {
  std::string t =
      "By Jane Doe\n"
      "By January the group had hit 40 firms, researchers said.\n"
      "Tags: ransomware, NHS\n";
  CHECK(furniture_lines(t) == std::vector<std::string>{"By Jane Doe", "Tags: ransomware, NHS"});
  CHECK(furniture(t) == std::vector<Span>{{0, 11}, {69, 90}});
}

TEST_CASE("a list of teaser headlines cut off with an ellipsis is furniture", "[boilerplate]") {
  std::string t =
      "Microsoft said the attack was contained.\n"
      "Suspended prison sentence for a fraudster after his false…\n"
      "Cash-strapped country agrees to sell its wallet after signing...\n";
  CHECK(furniture(t) == std::vector<Span>{{41, 101}, {102, 166}});
}

TEST_CASE("an article paragraph ending in an ellipsis inside a quote is not furniture",
          "[boilerplate]") {
  std::string t =
      "The minister paused. \"We will see what happens…\"\n"
      "He said the review would take months. Then he added: and after that…\n"
      "The inquiry continues.\n";
  CHECK(furniture(t).empty());
}

TEST_CASE("a lone teaser headline under the article is furniture", "[boilerplate]") {
  std::string t = "The breach was reported in May.\nHackers hit another council as schools…\n";
  CHECK(furniture(t) == std::vector<Span>{{32, 73}});
}

TEST_CASE("newsletter, cookie, copyright and image-credit lines are furniture", "[boilerplate]") {
  std::string t =
      "Sign up to our daily newsletter\n"
      "We use cookies to improve your experience.\n"
      "The regulator fined the firm.\n"
      "© 2024 Example Media. All rights reserved.\n"
      "Image: Getty Images\n"
      "Related: Hackers breach council\n";
  CHECK(furniture_lines(t) ==
        std::vector<std::string>{"Sign up to our daily newsletter",
                                 "We use cookies to improve your experience.",
                                 "© 2024 Example Media. All rights reserved.",
                                 "Image: Getty Images", "Related: Hackers breach council"});
}

TEST_CASE("a source and tags line in brackets is furniture", "[boilerplate]") {
  std::string t = "Text of the article.\n(SecurityAffairs – hacking, UK government)";
  CHECK(furniture(t) == std::vector<Span>{{21, 65}});
}

TEST_CASE("CRLF line ends do not hide furniture", "[boilerplate]") {
  std::string t = "Article text here.\r\nRead more\r\n";
  CHECK(furniture(t) == std::vector<Span>{{20, 30}});
}

TEST_CASE("each kind of furniture line is found, whatever its case, after the prefilters",
          "[boilerplate]") {
  // Each line between two article paragraphs. The prefilters that spare most lines an RE2
  // call must let every one of these through (the patterns were the only test before).
  const std::string para = "Some text of an article that is long enough to be article text here.";
  for (std::string line :
       {"Share", "  share this", "SHARE", "\tFollow us", "Tags: a", "tagged with: x", "© 2024 Acme",
        "(c) 2024", "(Reuters - London) x", "Photo by X", "Photographs: X", "Videos credits: x",
        "Listen to this article", "Sign up for our newsletter", "Newsletter: subscribe",
        "All Rights Reserved", "Getty Images", "Facebook | Twitter | LinkedIn", "Copy link",
        "Copyright 2020 x", "COPYRIGHT", "By John Smith", "BY JOHN SMITH", "Written by Jane Doe",
        "Author: Jane Doe", "  By Jane Doe | Reuters", "Also read: x", "Trending", "Most read:",
        "Related articles:", "Advertisement", "Sponsored content", "Skip to main content",
        "We use cookies to", "This website uses cookies", "Accept all cookies",
        "Cookie settings", "Like us on Facebook", "Join us on Telegram", "Get the latest news",
        "Enter your email", "Filed under: x", "Categories: x", "Topics: x", "More from x",
        "Recommended for you", "See also: x", "Continue reading", "Click here",
        "Subscribe now", "Sign up now", "Pictures: x", "Illustration: x", "Image source: x",
        "Reporting by Jane Doe", "Words by Jane Doe", "Tweet | Email", "  PRINT",
        "Threads / Mastodon / Bluesky", "Reddit, WhatsApp", "Pinterest",
        "Our weekly NEWSLETTER lands in your inbox", "x (GETTY IMAGES)", "Photo: x/Shutterstock",
        "(c) Acme. ALL RIGHTS RESERVED.",
        // RE2's (?i) matches s with U+017F LONG S and k with U+212A KELVIN SIGN.
        "\xC5\xBFhare this", "(Shutter\xC5\xBFtock)", "Shutterstoc\xE2\x84\xAA"}) {
    CAPTURE(line);
    CHECK(furniture_lines(para + "\n" + line + "\n" + para) == std::vector<std::string>{line});
  }
  for (std::string line : {"The share price fell.", "Follow-up reports said so.", "\x0bShare",
                           "Reading more into it.", "By the way, it said so.", "Tagline here",
                           "Printers were hit.", "Getty Images said so on Monday."}) {
    CAPTURE(line);
    CHECK(furniture_lines(para + "\n" + line + "\n" + para).empty());
  }
}

TEST_CASE("a teaser ends in an ellipsis and white space only", "[boilerplate]") {
  const std::string para = "Some text of an article that is long enough to be article text here.";
  for (std::string line : {"A headline…", "A headline... ", "A headline...\t", "A headline…\f"}) {
    CAPTURE(line);
    CHECK(furniture_lines(para + "\n" + line + "\n" + "Read more: x") ==
          std::vector<std::string>{line, "Read more: x"});
  }
  CHECK(furniture_lines(para + "\nA headline.. \nRead more: x") ==
        std::vector<std::string>{"Read more: x"});
}

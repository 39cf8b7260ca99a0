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

// Source text helpers for the libyaml error rules (see core/yaml_lines.h).
#include "core/yaml_lines.h"

#include <climits>
#include <string>

namespace capstan::yaml::detail {

bool is_blankz_at(std::string_view s, std::size_t i) {
  return i >= s.size() || s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r';
}

std::string_view line_at(std::string_view text, int line) {
  std::size_t start = 0;
  for (int l = 0; l < line; ++l) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos)
      return {};
    start = nl + 1;
  }
  std::size_t end = text.find('\n', start);
  std::string_view out =
      text.substr(start, end == std::string_view::npos ? text.npos : end - start);
  if (!out.empty() && out.back() == '\r')
    out.remove_suffix(1);
  return out;
}

// The line without a trailing comment (a '#' after a blank) and trailing blanks.
std::string_view content_of(std::string_view line) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      line = line.substr(0, i);
      break;
    }
  }
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line;
}

int indent_of(std::string_view line) {
  int n = 0;
  while (static_cast<std::size_t>(n) < line.size() && line[static_cast<std::size_t>(n)] == ' ') ++n;
  return n;
}

// Whether a line's content ends with a block scalar header: "|", ">", "|-", ">+2"...
bool ends_with_block_header(std::string_view content) {
  std::size_t i = content.size();
  while (i > 0 && (content[i - 1] == '+' || content[i - 1] == '-' ||
                   (content[i - 1] >= '1' && content[i - 1] <= '9'))) {
    --i;
  }
  if (i == 0 || (content[i - 1] != '|' && content[i - 1] != '>'))
    return false;
  return i == 1 || content[i - 2] == ' ' || content[i - 2] == '\t';
}

// Whether `line` lies inside a block scalar, judged from the lines above it.
bool in_block_scalar(std::string_view text, int line) {
  int min_indent = INT_MAX;
  for (int l = line - 1; l >= 0; --l) {
    std::string_view content = content_of(line_at(text, l));
    if (content.find_first_not_of(" \t") == std::string_view::npos)
      continue;
    const int indent = indent_of(content);
    if (ends_with_block_header(content) && indent < min_indent)
      return true;
    if (indent < min_indent)
      min_indent = indent;
    if (indent == 0)
      return false;
  }
  return false;
}

// Whether the content line above `line` ends with a plain scalar value (so that libyaml is
// still scanning that scalar when it meets the next line).
bool after_plain_scalar(std::string_view text, int line) {
  for (int l = line - 1; l >= 0; --l) {
    std::string_view content = content_of(line_at(text, l));
    if (content.find_first_not_of(" \t") == std::string_view::npos)
      continue;
    const char last = content.back();
    return last != ':' && last != '-' && last != '[' && last != '{' && last != ',' && last != '|' &&
           last != '>' && last != '"' && last != '\'' && last != ']' && last != '}';
  }
  return false;
}

// The previous line with content (not blank, not only a comment) before `line`, or -1.
int previous_content_line(std::string_view text, int line) {
  for (int l = line - 1; l >= 0; --l) {
    std::string_view content = content_of(line_at(text, l));
    const std::size_t first = content.find_first_not_of(" \t");
    if (first != std::string_view::npos)
      return l;
  }
  return -1;
}

// Whether a line's content is a lone plain scalar: what libyaml takes for a mapping key
// when it sits at the mapping's column, and then misses its ':'.
bool bare_plain_scalar(std::string_view content) {
  const std::size_t first = content.find_first_not_of(' ');
  if (first == std::string_view::npos)
    return false;
  content.remove_prefix(first);
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(content[0]) != std::string_view::npos &&
      !(content[0] == '-' && content.size() > 1 && content[1] != ' ')) {
    return false;
  }
  for (std::size_t i = 0; i < content.size(); ++i) {
    if (content[i] == ':' &&
        (i + 1 == content.size() || content[i + 1] == ' ' || content[i + 1] == '\t')) {
      return false;
    }
  }
  return true;
}

// The last character before `pos` that is not white space or part of a comment.
char previous_significant(std::string_view text, std::size_t pos) {
  int line = 0;
  for (std::size_t i = 0; i < pos && i < text.size(); ++i) line += text[i] == '\n';
  std::string_view current = text.substr(0, pos);
  std::size_t start = current.rfind('\n');
  std::string_view head =
      content_of(current.substr(start == std::string_view::npos ? 0 : start + 1));
  if (head.find_first_not_of(" \t") != std::string_view::npos)
    return head.back();
  const int prev = previous_content_line(text, line);
  if (prev < 0)
    return '\n';
  return content_of(line_at(text, prev)).back();
}

// The innermost flow collection ('[' or '{') still open at `pos`, or 0, from a rough scan of
// the text: quoted scalars and comments skipped, brackets counted where a token can start.
char innermost_bracket(std::string_view text, std::size_t pos) {
  std::string stack;
  char prev = '\n';
  for (std::size_t i = 0; i < pos && i < text.size(); ++i) {
    const char c = text[i];
    if (c == '#' && (prev == ' ' || prev == '\t' || prev == '\n')) {
      while (i < pos && text[i] != '\n') ++i;
      prev = '\n';
      continue;
    }
    const bool token_start = prev == ' ' || prev == '\t' || prev == '\n' || prev == '[' ||
                             prev == '{' || prev == ',' || (prev == ':' && !stack.empty());
    if ((c == '"' || c == '\'') && token_start) {
      for (++i; i < pos && i < text.size(); ++i) {
        if (c == '"' && text[i] == '\\') {
          ++i;
        } else if (text[i] == c) {
          if (c == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
            ++i;
          } else {
            break;
          }
        }
      }
    } else if ((c == '[' || c == '{') && (token_start || !stack.empty())) {
      stack += c;
    } else if ((c == ']' || c == '}') && !stack.empty()) {
      stack.pop_back();
    }
    prev = c;
  }
  return stack.empty() ? 0 : stack.back();
}

}  // namespace capstan::yaml::detail

// Sprig's word functions from Masterminds/goutils (abbrev, abbrevboth, initials, nospace,
// swapcase, wrap, wrapWith) and huandu/xstrings 1.3 (camelcase, snakecase, kebabcase), with
// their quirks: goutils works on bytes in places (initials and nospace turn each byte >= 0x80
// into the rune of the same number), xstrings splits words with its own rules.
#include "core/strconv.h"
#include "templating/function.h"
#include "templating/sprig_strings.h"
#include "templating/unicode.h"

namespace capstan::templating {

namespace {

const std::string& str(const Value& v) {
  return v.as_string();
}

// goutils.AbbreviateFull; "" stands for its error results (Sprig drops the error).
std::string abbreviate_full(const std::string& s, std::int64_t offset, std::int64_t max_width) {
  if (s.empty())
    return "";
  if (max_width < 4)
    return "";
  const auto len = static_cast<std::int64_t>(s.size());
  if (len <= max_width)
    return s;
  if (offset > len)
    offset = len;
  if (len - offset < max_width - 3)
    offset = len - (max_width - 3);
  const std::string marker = "...";
  if (offset <= 4)
    return s.substr(0, static_cast<std::size_t>(max_width - 3)) + marker;
  if (max_width < 7)
    return "";
  if (offset + max_width - 3 < len) {
    return marker + abbreviate_full(s.substr(static_cast<std::size_t>(offset)), 0, max_width - 3);
  }
  return marker + s.substr(static_cast<std::size_t>(len - (max_width - 3)));
}

// unicode.IsSpace of a byte taken as a rune (goutils' byte-wise loops).
bool byte_is_space(unsigned char c) {
  return unicode::is_space(c);
}

// goutils.Initials with whitespace delimiters, byte by byte.
std::string initials(const std::string& s) {
  std::string out;
  bool last_was_gap = true;
  for (unsigned char c : s) {
    if (byte_is_space(c)) {
      last_was_gap = true;
    } else if (last_was_gap) {
      strconv::append_rune(out, c);
      last_was_gap = false;
    }
  }
  return out;
}

// goutils.DeleteWhiteSpace, byte by byte.
std::string delete_white_space(const std::string& s) {
  std::string out;
  std::size_t count = 0;
  for (unsigned char c : s) {
    if (!byte_is_space(c)) {
      strconv::append_rune(out, c);
      ++count;
    }
  }
  return count == s.size() ? s : out;
}

// goutils.SwapCase.
std::string swap_case(const std::string& s) {
  if (s.empty())
    return s;
  std::vector<std::int32_t> rs = gostrings::runes(s);
  bool whitespace = true;
  for (std::int32_t& r : rs) {
    if (unicode::is_upper(r) || unicode::is_title(r)) {
      r = unicode::to_lower(r);
      whitespace = false;
    } else if (unicode::is_lower(r)) {
      r = whitespace ? unicode::to_title(r) : unicode::to_upper(r);
      whitespace = false;
    } else {
      whitespace = unicode::is_space(r);
    }
  }
  return gostrings::from_runes(rs);
}

// goutils.WrapCustom (byte offsets, words separated by ' ').
std::string wrap_custom(const std::string& s, std::int64_t wrap_length, std::string new_line,
                        bool wrap_long) {
  if (s.empty())
    return "";
  if (new_line.empty())
    new_line = "\n";
  if (wrap_length < 1)
    wrap_length = 1;
  const auto len = static_cast<std::int64_t>(s.size());
  std::int64_t offset = 0;
  std::string out;
  while (len - offset > wrap_length) {
    if (s[static_cast<std::size_t>(offset)] == ' ') {
      ++offset;
      continue;
    }
    const std::int64_t end = wrap_length + offset + 1;
    const std::string_view window(s.data() + offset, static_cast<std::size_t>(end - offset));
    const std::size_t space = window.rfind(' ');
    if (space != std::string_view::npos) {
      const std::int64_t at = static_cast<std::int64_t>(space) + offset;
      out.append(s, static_cast<std::size_t>(offset), static_cast<std::size_t>(at - offset));
      out += new_line;
      offset = at + 1;
    } else if (wrap_long) {
      out.append(s, static_cast<std::size_t>(offset), static_cast<std::size_t>(wrap_length));
      out += new_line;
      offset += wrap_length;
    } else {
      const std::int64_t from = wrap_length + offset;
      const std::size_t index = s.find(' ', static_cast<std::size_t>(from));
      if (index == std::string::npos) {
        out.append(s, static_cast<std::size_t>(offset));
        offset = len;
      } else {
        const auto at = static_cast<std::int64_t>(index);
        out.append(s, static_cast<std::size_t>(offset), static_cast<std::size_t>(at - offset));
        out += new_line;
        offset = at + 1;
      }
    }
  }
  out.append(s, static_cast<std::size_t>(offset));
  return out;
}

// --- xstrings ---

constexpr std::int32_t kRuneError = 0xFFFD;

bool is_connector(std::int32_t r) {
  return r == '-' || r == '_' || unicode::is_space(r);
}

// xstrings' isAlphabet: a letter that is not a CJK ideograph.
bool is_alphabet(std::int32_t r) {
  if (!unicode::is_letter(r))
    return false;
  if (r < 0x3400)
    return true;
  if (r >= 0x4E00 && r <= 0x9FCC)
    return false;
  if (r >= 0x3400 && r <= 0x4D85)
    return false;
  if (r >= 0x20000 && r <= 0x2B81D)
    return false;
  return true;
}

void write_rune(std::string& out, std::int32_t r) {
  strconv::append_rune(out, r);
}

// xstrings.ToCamelCase (1.3: the first letter upper case, connectors dropped).
std::string to_camel_case(std::string_view s) {
  if (s.empty())
    return "";
  std::string out;
  std::int32_t r0 = 0, r1 = 0;
  int size = 0;
  while (!s.empty()) {
    const auto d = strconv::decode_rune(s);
    r0 = d.rune;
    size = d.width;
    s.remove_prefix(static_cast<std::size_t>(d.width));
    if (!is_connector(r0)) {
      r0 = unicode::to_upper(r0);
      break;
    }
    write_rune(out, r0);
  }
  if (s.empty()) {
    if (size != 0)
      write_rune(out, r0);
    return out;
  }
  while (!s.empty()) {
    r1 = r0;
    const auto d = strconv::decode_rune(s);
    r0 = d.rune;
    s.remove_prefix(static_cast<std::size_t>(d.width));
    if (is_connector(r0) && is_connector(r1)) {
      write_rune(out, r1);
      continue;
    }
    if (is_connector(r1)) {
      r0 = unicode::to_upper(r0);
    } else {
      r0 = unicode::to_lower(r0);
      write_rune(out, r1);
    }
  }
  write_rune(out, r0);
  return out;
}

enum class WordType { Invalid, Number, UpperCase, Alphabet, Connector, Punct, Other };

struct ValidRune {
  std::int32_t r;
  std::size_t size;
};

// xstrings' nextValidRune: skips invalid bytes (counted in size); prev when none is valid.
ValidRune next_valid_rune(std::string_view s, std::int32_t prev) {
  std::size_t size = 0;
  while (!s.empty()) {
    const auto d = strconv::decode_rune(s);
    size += static_cast<std::size_t>(d.width);
    if (d.rune != kRuneError)
      return {d.rune, size};
    s.remove_prefix(static_cast<std::size_t>(d.width));
  }
  return {prev, size};
}

struct Word {
  WordType type = WordType::Invalid;
  std::string_view word;
  std::string_view remaining;
};

Word next_word(std::string_view s) {
  Word w;
  if (s.empty())
    return w;
  std::size_t offset = 0;
  std::string_view remaining = s;
  ValidRune v = next_valid_rune(remaining, kRuneError);
  std::int32_t r = v.r;
  std::size_t size = v.size;
  offset += size;
  if (r == kRuneError) {
    w.word = s.substr(0, offset);
    w.remaining = s.substr(offset);
    return w;
  }
  // Advances over runes while `keep` holds.
  auto extend = [&](auto keep) {
    while (!remaining.empty()) {
      v = next_valid_rune(remaining, r);
      r = v.r;
      size = v.size;
      if (!keep(r, size))
        break;
      offset += size;
      remaining.remove_prefix(size);
    }
  };
  if (is_connector(r)) {
    w.type = WordType::Connector;
    remaining.remove_prefix(size);
    extend([](std::int32_t x, std::size_t) { return is_connector(x); });
  } else if (unicode::is_punct(r)) {
    w.type = WordType::Punct;
    remaining.remove_prefix(size);
    extend([](std::int32_t x, std::size_t) { return unicode::is_punct(x); });
  } else if (unicode::is_upper(r)) {
    w.type = WordType::UpperCase;
    remaining.remove_prefix(size);
    if (!remaining.empty()) {
      v = next_valid_rune(remaining, r);
      r = v.r;
      size = v.size;
      if (unicode::is_upper(r)) {
        std::size_t prev_size = size;
        offset += size;
        remaining.remove_prefix(size);
        while (!remaining.empty()) {
          v = next_valid_rune(remaining, r);
          r = v.r;
          size = v.size;
          if (!unicode::is_upper(r))
            break;
          prev_size = size;
          offset += size;
          remaining.remove_prefix(size);
        }
        // "HTTPStatus" splits into "HTTP" and "Status".
        if (!remaining.empty() && is_alphabet(r)) {
          offset -= prev_size;
          remaining = s.substr(offset);
        }
      } else if (is_alphabet(r)) {
        offset += size;
        remaining.remove_prefix(size);
        extend([](std::int32_t x, std::size_t) { return is_alphabet(x) && !unicode::is_upper(x); });
      }
    }
  } else if (is_alphabet(r)) {
    w.type = WordType::Alphabet;
    remaining.remove_prefix(size);
    extend([](std::int32_t x, std::size_t) { return is_alphabet(x) && !unicode::is_upper(x); });
  } else if (unicode::is_number(r)) {
    w.type = WordType::Number;
    remaining.remove_prefix(size);
    extend([](std::int32_t x, std::size_t) { return unicode::is_number(x); });
  } else {
    w.type = WordType::Other;
    remaining.remove_prefix(size);
    extend([](std::int32_t x, std::size_t sz) {
      return !(sz == 0 || is_connector(x) || is_alphabet(x) || unicode::is_number(x) ||
               unicode::is_punct(x));
    });
  }
  w.word = s.substr(0, offset);
  w.remaining = remaining;
  return w;
}

void to_lower_word(std::string& out, WordType type, std::string_view s, std::int32_t connector) {
  if (type != WordType::UpperCase && type != WordType::Connector) {
    out.append(s);
    return;
  }
  while (!s.empty()) {
    const auto d = strconv::decode_rune(s);
    s.remove_prefix(static_cast<std::size_t>(d.width));
    if (is_connector(d.rune)) {
      write_rune(out, connector);
    } else if (unicode::is_upper(d.rune)) {
      write_rune(out, unicode::to_lower(d.rune));
    } else {
      write_rune(out, d.rune);
    }
  }
}

// xstrings' camelCaseToLowerCase (ToSnakeCase, ToKebabCase).
std::string camel_to_lower(std::string_view s, std::int32_t connector) {
  if (s.empty())
    return "";
  std::string out;
  Word w = next_word(s);
  auto is_word = [](WordType t) { return t == WordType::Alphabet || t == WordType::Number; };
  while (!w.remaining.empty()) {
    if (w.type != WordType::Connector)
      to_lower_word(out, w.type, w.word, connector);
    const WordType prev = w.type;
    const std::string_view last = w.word;
    w = next_word(w.remaining);
    switch (prev) {
      case WordType::Number:
        while (is_word(w.type)) {
          to_lower_word(out, w.type, w.word, connector);
          w = next_word(w.remaining);
        }
        if (w.type != WordType::Invalid && w.type != WordType::Punct &&
            w.type != WordType::Connector) {
          write_rune(out, connector);
        }
        break;
      case WordType::Connector:
        to_lower_word(out, prev, last, connector);
        break;
      case WordType::Punct:
        break;
      default: {
        if (w.type != WordType::Number) {
          if (w.type != WordType::Connector && w.type != WordType::Punct)
            write_rune(out, connector);
          break;
        }
        if (w.remaining.empty())
          break;
        const std::string_view number = w.word;
        w = next_word(w.remaining);
        // A number followed by no letters belongs to the previous word: "Bld4Floor".
        if (w.type != WordType::Alphabet) {
          to_lower_word(out, WordType::Number, number, connector);
          if (w.type != WordType::Connector && w.type != WordType::Punct)
            write_rune(out, connector);
          break;
        }
        // Lower case letters after a number start a new word with it: "HTTP2xx".
        write_rune(out, connector);
        to_lower_word(out, WordType::Number, number, connector);
        while (is_word(w.type)) {
          to_lower_word(out, w.type, w.word, connector);
          w = next_word(w.remaining);
        }
        if (w.type != WordType::Invalid && w.type != WordType::Connector &&
            w.type != WordType::Punct) {
          write_rune(out, connector);
        }
        break;
      }
    }
  }
  to_lower_word(out, w.type, w.word, connector);
  return out;
}

}  // namespace

void register_sprig_text(FuncMap& f) {
  f.add("abbrev", "func(int, string) string", [](CallContext&, Args& a) {
    if (a[0].as_int() < 4)
      return a[1];
    return Value(abbreviate_full(str(a[1]), 0, a[0].as_int()));
  });
  f.add("abbrevboth", "func(int, int, string) string", [](CallContext&, Args& a) {
    const std::int64_t left = a[0].as_int();
    const std::int64_t right = a[1].as_int();
    if (right < 4 || (left > 0 && right < 7))
      return a[2];
    return Value(abbreviate_full(str(a[2]), left, right));
  });
  f.add("initials", "func(string) string",
        [](CallContext&, Args& a) { return Value(initials(str(a[0]))); });
  f.add("nospace", "func(string) string",
        [](CallContext&, Args& a) { return Value(delete_white_space(str(a[0]))); });
  f.add("swapcase", "func(string) string",
        [](CallContext&, Args& a) { return Value(swap_case(str(a[0]))); });
  f.add("wrap", "func(int, string) string", [](CallContext&, Args& a) {
    return Value(wrap_custom(str(a[1]), a[0].as_int(), "", false));
  });
  f.add("wrapWith", "func(int, string, string) string", [](CallContext&, Args& a) {
    return Value(wrap_custom(str(a[2]), a[0].as_int(), str(a[1]), true));
  });
  f.add("camelcase", "func(string) string",
        [](CallContext&, Args& a) { return Value(to_camel_case(str(a[0]))); });
  f.add("snakecase", "func(string) string",
        [](CallContext&, Args& a) { return Value(camel_to_lower(str(a[0]), '_')); });
  f.add("kebabcase", "func(string) string",
        [](CallContext&, Args& a) { return Value(camel_to_lower(str(a[0]), '-')); });
}

}  // namespace capstan::templating

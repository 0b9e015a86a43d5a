//! A small JSON reader for the saved library.
//!
//! Why not `serde_json::from_str`: in the release wasm, serde_json's deserializer with the
//! derived `Deserialize` code measured +57 KB (serde-wasm-bindgen: +42 KB, and 9 KB more JS
//! glue), paid by every reader, to read back one small value we wrote ourselves; this reader
//! and the mapping in `library.rs` measured +16 KB. It is a strict RFC 8259 parser into
//! [`Value`] that keeps numbers as text (no float parsing code) and limits nesting, so no input
//! can make it panic or overflow the stack.
//!
//! Writing is [`Writer`]: the saved library and the JSON export come out byte for byte as
//! serde_json writes them (tested against it), without serde_json's float printing and
//! serializer machinery in the wasm (~17 KB).

/// A parsed JSON value. Numbers keep their text; only integers are ever read from it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

/// Deeper nesting than this is refused (the library is 3 deep).
pub(crate) const MAX_DEPTH: usize = 64;

impl Value {
    /// The member `key` of an object.
    pub(crate) fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// A word for the value's type, for error messages.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }

    /// A non-negative integer that fits in a `u64`.
    pub(crate) fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.parse().ok(),
            _ => None,
        }
    }
}

/// Parses one JSON text. Errors say where (byte offset) and what was expected.
pub(crate) fn parse(text: &str) -> Result<Value, String> {
    let mut parser = Parser {
        bytes: text.as_bytes(),
        text,
        at: 0,
    };
    let value = parser.value(0)?;
    parser.whitespace();
    if parser.at != parser.bytes.len() {
        return Err(parser.error("end of input"));
    }
    Ok(value)
}

struct Parser<'a> {
    bytes: &'a [u8],
    text: &'a str,
    at: usize,
}

impl Parser<'_> {
    fn error(&self, expected: &str) -> String {
        format!("at byte {}: expected {expected}", self.at)
    }

    fn whitespace(&mut self) {
        while self
            .bytes
            .get(self.at)
            .is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        {
            self.at += 1;
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, String> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error("a value"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, String> {
        if depth > MAX_DEPTH {
            return Err(self.error("less deeply nested data"));
        }
        self.whitespace();
        match self.bytes.get(self.at) {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.error("a value")),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, String> {
        self.at += 1;
        let mut members = Vec::new();
        self.whitespace();
        if self.bytes.get(self.at) == Some(&b'}') {
            self.at += 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.whitespace();
            if self.bytes.get(self.at) != Some(&b'"') {
                return Err(self.error("a member name in quotes"));
            }
            let key = self.string()?;
            self.whitespace();
            if self.bytes.get(self.at) != Some(&b':') {
                return Err(self.error("`:`"));
            }
            self.at += 1;
            let value = self.value(depth + 1)?;
            members.push((key, value));
            self.whitespace();
            match self.bytes.get(self.at) {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Object(members));
                }
                _ => return Err(self.error("`,` or `}`")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, String> {
        self.at += 1;
        let mut items = Vec::new();
        self.whitespace();
        if self.bytes.get(self.at) == Some(&b']') {
            self.at += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.whitespace();
            match self.bytes.get(self.at) {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.error("`,` or `]`")),
            }
        }
    }

    fn number(&mut self) -> Result<Value, String> {
        let start = self.at;
        let digits = |p: &mut Self| {
            let from = p.at;
            while p.bytes.get(p.at).is_some_and(u8::is_ascii_digit) {
                p.at += 1;
            }
            p.at > from
        };
        if self.bytes.get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        // A leading zero stands alone (`01` is not JSON: the `1` is left over).
        if self.bytes.get(self.at) == Some(&b'0') {
            self.at += 1;
        } else if !digits(self) {
            return Err(self.error("a number"));
        }
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            if !digits(self) {
                return Err(self.error("digits after `.`"));
            }
        }
        if matches!(self.bytes.get(self.at), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.bytes.get(self.at), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !digits(self) {
                return Err(self.error("digits in the exponent"));
            }
        }
        Ok(Value::Number(self.text[start..self.at].to_string()))
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let hex = self
            .text
            .get(self.at..self.at + 4)
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| self.error("four hex digits after \\u"))?;
        self.at += 4;
        Ok(u32::from_str_radix(hex, 16).expect("checked hex digits"))
    }

    fn string(&mut self) -> Result<String, String> {
        self.at += 1; // the opening quote
        let mut out = String::new();
        loop {
            let run = self.at;
            while self
                .bytes
                .get(self.at)
                .is_some_and(|&b| b != b'"' && b != b'\\' && b >= 0x20)
            {
                self.at += 1;
            }
            // Only ASCII bytes stop the run, so both ends are character boundaries.
            out.push_str(&self.text[run..self.at]);
            match self.bytes.get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escaped = self.bytes.get(self.at).copied();
                    self.at += 1;
                    let c = match escaped {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            let unit = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&unit)
                                && self.bytes[self.at..].starts_with(b"\\u")
                            {
                                let back = self.at;
                                self.at += 2;
                                let low = self.hex4()?;
                                if (0xDC00..0xE000).contains(&low) {
                                    0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                                } else {
                                    self.at = back;
                                    unit
                                }
                            } else {
                                unit
                            };
                            char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
                        }
                        _ => {
                            self.at -= 1;
                            return Err(self.error("a valid escape after \\"));
                        }
                    };
                    out.push(c);
                }
                Some(_) => return Err(self.error("no control characters in a string")),
                None => return Err(self.error("the closing `\"`")),
            }
        }
    }
}

/// Writes JSON as serde_json does: compact (`to_string`), or pretty (`to_string_pretty`: two
/// spaces per level, `"key": value`, an empty array or object as `[]` / `{}`).
///
/// Values go in document order: `open`/`close` an array or object, `key` before each member,
/// then the member's value; separators and indentation follow.
pub(crate) struct Writer {
    out: String,
    pretty: bool,
    depth: usize,
    /// Nothing written yet in the array or object just opened.
    fresh: bool,
    /// A key was just written: the next value is its member's.
    after_key: bool,
}

impl Writer {
    pub(crate) fn new(pretty: bool) -> Writer {
        Writer {
            out: String::new(),
            pretty,
            depth: 0,
            fresh: true,
            after_key: false,
        }
    }

    pub(crate) fn finish(self) -> String {
        self.out
    }

    /// Before a value or a key: the comma and the line break it needs.
    fn separate(&mut self) {
        if self.after_key {
            self.after_key = false;
            return;
        }
        if self.depth == 0 {
            return;
        }
        if !self.fresh {
            self.out.push(',');
        }
        self.fresh = false;
        if self.pretty {
            self.newline();
        }
    }

    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    /// Opens an array (`[`) or an object (`{`).
    pub(crate) fn open(&mut self, bracket: char) {
        self.separate();
        self.out.push(bracket);
        self.depth += 1;
        self.fresh = true;
    }

    /// Closes what [`Writer::open`] opened (`]` or `}`).
    pub(crate) fn close(&mut self, bracket: char) {
        self.depth -= 1;
        if !self.fresh && self.pretty {
            self.newline();
        }
        self.out.push(bracket);
        self.fresh = false;
    }

    /// A member's key; its value comes next.
    pub(crate) fn key(&mut self, key: &str) {
        self.string(key);
        self.out.push_str(if self.pretty { ": " } else { ":" });
        self.after_key = true;
    }

    /// A string, escaped as serde_json escapes: `"`, `\\`, and control characters.
    pub(crate) fn string(&mut self, s: &str) {
        self.separate();
        self.out.push('"');
        let mut from = 0;
        for (at, b) in s.bytes().enumerate() {
            let escape = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0C => "\\f",
                0..=0x1F => "",
                _ => continue,
            };
            self.out.push_str(&s[from..at]);
            if escape.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.out.push_str("\\u00");
                self.out.push(HEX[usize::from(b >> 4)] as char);
                self.out.push(HEX[usize::from(b & 0xF)] as char);
            } else {
                self.out.push_str(escape);
            }
            from = at + 1;
        }
        self.out.push_str(&s[from..]);
        self.out.push('"');
    }

    /// `null`, or the string.
    pub(crate) fn optional_string(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.string(s),
            None => self.raw("null"),
        }
    }

    /// A whole number.
    pub(crate) fn number(&mut self, n: u64) {
        self.raw(&n.to_string());
    }

    /// A number of hundredths, as serde_json prints the `f32` nearest to it (`0.57`, `0.5`,
    /// `1.0`): two decimals name one `f32` exactly, so its shortest form is those digits.
    pub(crate) fn hundredths(&mut self, n: i64) {
        let sign = if n < 0 { "-" } else { "" };
        let n = n.unsigned_abs();
        let (whole, cents) = (n / 100, n % 100);
        let decimals = if cents % 10 == 0 {
            (cents / 10).to_string()
        } else {
            format!("{}{}", cents / 10, cents % 10)
        };
        self.raw(&format!("{sign}{whole}.{decimals}"));
    }

    /// A value written as it is (`null`, `true`, a number).
    pub(crate) fn raw(&mut self, value: &str) {
        self.separate();
        self.out.push_str(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind_of_value() {
        let value = parse(r#" {"a": [1, -2.5e3, true, false, null], "b": {"c": "d"}} "#).unwrap();
        assert_eq!(
            value.get("a"),
            Some(&Value::Array(vec![
                Value::Number("1".into()),
                Value::Number("-2.5e3".into()),
                Value::Bool(true),
                Value::Bool(false),
                Value::Null,
            ]))
        );
        assert_eq!(
            value.get("b").and_then(|b| b.get("c")),
            Some(&Value::String("d".into()))
        );
    }

    #[test]
    fn decodes_escapes_and_surrogate_pairs() {
        assert_eq!(
            parse(r#""q\"\\\/\n\t\u00e9\ud83d\ude00\ud800x""#).unwrap(),
            Value::String("q\"\\/\n\té😀\u{FFFD}x".into())
        );
    }

    #[test]
    fn keeps_unicode_as_written() {
        let text = "\"مرحبا 👩\u{200D}👧 e\u{301}\"";
        assert_eq!(
            parse(text).unwrap(),
            Value::String("مرحبا 👩\u{200D}👧 e\u{301}".into())
        );
    }

    #[test]
    fn refuses_malformed_json_with_a_position() {
        for (bad, at) in [
            ("", 0),
            ("{", 1),
            ("[1,]", 3),
            ("{\"a\" 1}", 5),
            ("01", 1),
            ("1.", 2),
            ("\"open", 5),
            ("\"a\u{1}\"", 2),
            ("\"\\x\"", 2),
            ("tru", 0),
            ("{} x", 3),
            ("'a'", 0),
        ] {
            let err = parse(bad).unwrap_err();
            assert!(err.starts_with(&format!("at byte {at}:")), "{bad:?}: {err}");
        }
    }

    #[test]
    fn refuses_deep_nesting_instead_of_overflowing() {
        let deep = "[".repeat(100_000);
        assert!(parse(&deep).unwrap_err().contains("less deeply nested"));
    }

    #[test]
    fn integers_read_as_u64_and_nothing_else_does() {
        assert_eq!(parse("42").unwrap().as_u64(), Some(42));
        assert_eq!(parse("-1").unwrap().as_u64(), None);
        assert_eq!(parse("1.5").unwrap().as_u64(), None);
        assert_eq!(parse("\"1\"").unwrap().as_u64(), None);
    }

    #[test]
    fn agrees_with_serde_json_on_what_serde_json_writes() {
        let original = serde_json::json!({
            "s": "tab\t nl\n quote\" back\\ ctl\u{1} bidi\u{202E} 😀",
            "n": [0, 7, 18446744073709551615u64],
            "nested": {"empty": [], "obj": {}}
        });
        let written = serde_json::to_string(&original).unwrap();
        let ours = parse(&written).unwrap();
        assert_eq!(
            ours.get("s"),
            Some(&Value::String(original["s"].as_str().unwrap().into()))
        );
        let n = ours.get("n").unwrap();
        assert_eq!(
            n,
            &Value::Array(vec![
                Value::Number("0".into()),
                Value::Number("7".into()),
                Value::Number("18446744073709551615".into())
            ])
        );
        assert_eq!(
            ours.get("nested").and_then(|v| v.get("obj")),
            Some(&Value::Object(vec![]))
        );
    }
}

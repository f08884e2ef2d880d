//! The crate's one error type. Analysis itself never fails; errors come only from misuse: a
//! rubric that does not parse or validate, bytes that are not text, an unknown option.

use std::fmt;

/// What went wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A rubric file does not parse or does not validate.
    Rubric,
    /// Bytes that cannot be decoded as text in the given or detected encoding.
    Decode,
    /// An option or name that is not known (an unknown built-in rubric, encoding…).
    InvalidInput,
}

/// Where an error is: a file (if known), and a line and column (1-based) or a byte offset.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Location {
    /// The file or source name, when known.
    pub file: Option<String>,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column in characters, when known.
    pub column: Option<usize>,
    /// Byte offset into the input, when known.
    pub byte: Option<usize>,
}

impl Location {
    /// A location at a byte offset.
    ///
    /// ```
    /// assert_eq!(baogao::Location::at_byte(7).byte, Some(7));
    /// ```
    pub fn at_byte(byte: usize) -> Location {
        Location {
            byte: Some(byte),
            ..Location::default()
        }
    }

    /// The location of byte offset `byte` in `source` as line and column, named `file`.
    ///
    /// ```
    /// let l = baogao::Location::in_source(Some("r.toml"), "a = 1\nb = ?", 10);
    /// assert_eq!((l.line, l.column), (Some(2), Some(5)));
    /// ```
    pub fn in_source(file: Option<&str>, source: &str, byte: usize) -> Location {
        let byte = byte.min(source.len());
        let mut b = byte;
        while b > 0 && !source.is_char_boundary(b) {
            b -= 1;
        }
        let before = &source[..b];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Location {
            file: file.map(str::to_owned),
            line: Some(line),
            column: Some(column),
            byte: Some(byte),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(file) = &self.file {
            parts.push(file.clone());
        }
        match (self.line, self.column) {
            (Some(l), Some(c)) => parts.push(format!("{l}:{c}")),
            (Some(l), None) => parts.push(format!("{l}")),
            _ => {
                if let Some(b) = self.byte {
                    parts.push(format!("byte {b}"));
                }
            }
        }
        f.write_str(&parts.join(":"))
    }
}

/// The error type of the `baogao` crate.
///
/// ```
/// let err = baogao::Rubric::from_toml("id = ", None).unwrap_err();
/// assert_eq!(err.kind(), baogao::ErrorKind::Rubric);
/// assert!(err.location().and_then(|l| l.line).is_some());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Error(Box<Inner>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Inner {
    kind: ErrorKind,
    location: Option<Location>,
    message: String,
    /// The offending source line, for a caret display.
    snippet: Option<String>,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let this = &self.0;
        let what = match this.kind {
            ErrorKind::Rubric => "rubric error",
            ErrorKind::Decode => "decode error",
            ErrorKind::InvalidInput => "invalid input",
        };
        match &this.location {
            Some(l) if !l.to_string().is_empty() => write!(f, "{what} at {l}: {}", this.message)?,
            _ => write!(f, "{what}: {}", this.message)?,
        }
        if let (Some(snippet), Some(col)) =
            (&this.snippet, this.location.as_ref().and_then(|l| l.column))
        {
            let pad: String = snippet
                .chars()
                .take(col.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            write!(f, "\n  | {snippet}\n  | {pad}^")?;
        }
        Ok(())
    }
}

impl Error {
    /// Makes an error.
    ///
    /// ```
    /// let e = baogao::Error::new(baogao::ErrorKind::InvalidInput, "no such rubric: x");
    /// assert_eq!(e.to_string(), "invalid input: no such rubric: x");
    /// ```
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error(Box::new(Inner {
            kind,
            location: None,
            message: message.into(),
            snippet: None,
        }))
    }

    /// Attaches a location.
    ///
    /// ```
    /// use baogao::{Error, ErrorKind, Location};
    /// let e = Error::new(ErrorKind::Decode, "bad byte").at(Location::at_byte(3));
    /// assert_eq!(e.location().unwrap().byte, Some(3));
    /// ```
    pub fn at(mut self, location: Location) -> Error {
        self.0.location = Some(location);
        self
    }

    /// Attaches a location in `source` (line and column computed), and the offending line.
    ///
    /// ```
    /// use baogao::{Error, ErrorKind};
    /// let e = Error::new(ErrorKind::Rubric, "unknown kind").in_source(Some("a.toml"), "kind = \"x\"", 7);
    /// assert!(e.to_string().starts_with("rubric error at a.toml:1:8"));
    /// ```
    pub fn in_source(mut self, file: Option<&str>, source: &str, byte: usize) -> Error {
        let loc = Location::in_source(file, source, byte);
        if let Some(line) = loc.line {
            self.0.snippet = source.lines().nth(line - 1).map(str::to_owned);
        }
        self.0.location = Some(loc);
        self
    }

    /// What kind of error.
    ///
    /// ```
    /// let e = baogao::Error::new(baogao::ErrorKind::Decode, "x");
    /// assert_eq!(e.kind(), baogao::ErrorKind::Decode);
    /// ```
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// Where, when known.
    ///
    /// ```
    /// assert!(baogao::Error::new(baogao::ErrorKind::Decode, "x").location().is_none());
    /// ```
    pub fn location(&self) -> Option<&Location> {
        self.0.location.as_ref()
    }

    /// The message without the location.
    ///
    /// ```
    /// assert_eq!(baogao::Error::new(baogao::ErrorKind::Decode, "x").message(), "x");
    /// ```
    pub fn message(&self) -> &str {
        &self.0.message
    }
}

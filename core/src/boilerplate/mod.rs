//! Boilerplate: text that is not the report (page chrome, crawler and site headers, editorial
//! blurbs, share/print footers, photo captions, page numbers). ANNOTATION.md §5.
//!
//! Each line is classified on its own (`line`): report text, *strong* chrome (a known chrome
//! token such as `打印本页`, a metadata field such as `来源：某某日报`, a breadcrumb, a photo
//! credit, an editorial blurb, a page number) or *weak* chrome (`大`, `】`, `>`, a rule: chrome
//! only next to other chrome; a bare date-time counts only right after strong chrome, so a
//! signature date above a footer stays report). A few lines ask something of the lines around
//! them: a label alone on its line (`发表时间：`) takes the next short line as its value when it
//! has the value's shape (never a title), a breadcrumb label takes the crumbs that follow one
//! per line, a footer list label near the end (`相关报道：`) takes the short link lines after
//! it, and a photo credit alone on its line takes the caption sentence above it. Runs of chrome
//! and blank lines holding at least one strong line become one block, from the first character
//! of its first line to the last of its last line. Report prose is never swallowed: a long line
//! is chrome only as a blurb, and then only the blurb's sentence. One pass over the lines:
//! linear time.
//!
//! The lexicons live in `core/data/boilerplate/*.txt`.

mod bytes;
pub(crate) mod lexicon;
mod line;

use crate::text::{lines, trim};
use crate::Span;
use lexicon::{Lexicon, MetaKind};
use line::{classify, is_title, is_value, Follow, Kind};

/// A value line after a label alone on its line is at most this long (characters).
const VALUE_MAX: usize = 30;
/// A breadcrumb item on its own line is at most this long (characters).
const CRUMB_MAX: usize = 12;
/// A link line after a footer list label is at most this long (characters).
const LINK_MAX: usize = 60;

/// A footer list label this close to the end of the text (bytes), or in its last third, takes
/// the link lines after it.
const FOOTER_TAIL: usize = 1200;

/// What the previous lines expect of the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    Nothing,
    /// The value of a label alone on its line.
    Value(MetaKind),
    /// Breadcrumb items: `after_sep` when the last crumb line was a `>`; `last` is the last
    /// item's span (a page often repeats its column name).
    Crumb {
        after_sep: bool,
        last: Option<Span>,
    },
    /// Link lines of a footer list.
    Links,
}

/// A run of chrome and blank lines being gathered.
#[derive(Debug, Default)]
struct Run {
    start: Option<usize>,
    end: usize,
    strong: bool,
}

impl Run {
    fn add(&mut self, span: Span, strong: bool) {
        if self.start.is_none() {
            self.start = Some(span.start);
        }
        self.end = span.end;
        self.strong |= strong;
    }

    fn flush(&mut self, out: &mut Vec<Span>) {
        if let (Some(start), true) = (self.start, self.strong) {
            push(out, Span::new(start, self.end));
        }
        *self = Run::default();
    }
}

/// Appends `span`, merging it into the last block when they touch or overlap.
fn push(out: &mut Vec<Span>, span: Span) {
    if span.is_empty() {
        return;
    }
    if let Some(last) = out.last_mut() {
        if span.start <= last.end {
            last.end = last.end.max(span.end);
            return;
        }
    }
    out.push(span);
}

/// Whether a report line can be a photo caption's sentence: short, ends with `。`, holds no
/// colon (not a salutation or a field).
fn caption_sentence(s: &str) -> bool {
    // The length first: it looks at no more than the first characters of a long line.
    s.ends_with('。')
        && s.chars().take(line::CAPTION_SENTENCE_MAX + 1).count() <= line::CAPTION_SENTENCE_MAX
        && !line::has_colon(s)
}

fn short_plain(s: &str, max: usize) -> bool {
    s.chars().take(max + 1).count() <= max && !s.contains(['。', '，', ',', '；', '！', '？'])
}

/// Finds boilerplate blocks in `text`: sorted, non-overlapping byte spans on character
/// boundaries, each from the first character of a block's first line to the last character of
/// its last line.
///
/// ```
/// let text = "下载\n打印\n【字号：\n加大\n】\n2023年工作总结\n来源：某某日报\n时间：2023-08-08\n\
///             一年来，我们认真完成了各项工作。\n扫一扫在手机打开当前页\n【\n打印本页\n】\n";
/// let blocks: Vec<&str> = baogao::boilerplate::find(text).iter().map(|s| s.slice(text)).collect();
/// assert_eq!(
///     blocks,
///     [
///         "下载\n打印\n【字号：\n加大\n】",
///         "来源：某某日报\n时间：2023-08-08",
///         "扫一扫在手机打开当前页\n【\n打印本页\n】"
///     ]
/// );
/// ```
pub fn find(text: &str) -> Vec<Span> {
    let lex = Lexicon::get();
    let mut out = Vec::new();
    let mut run = Run::default();
    let mut expect = Expect::Nothing;
    // The last non-blank line when it was a short report sentence (a caption's text).
    let mut sentence: Option<Span> = None;
    let mut cues = line::line_cues(text, lex);
    for line in lines(text) {
        let t = trim(text, line);
        let mut kind = classify(text, t, cues.hit(t, lex), lex);
        let s = t.slice(text);
        // What the previous lines asked for.
        match expect {
            Expect::Nothing => {}
            Expect::Value(meta) => {
                if matches!(kind, Kind::Report | Kind::Trail)
                    && short_plain(s, VALUE_MAX)
                    && is_value(s, meta, lex)
                {
                    kind = Kind::Weak;
                }
            }
            Expect::Crumb { after_sep, last } => {
                if kind != Kind::Blank {
                    let sep = s.chars().all(|c| matches!(c, '>' | '＞' | '»' | '→' | '/'));
                    let repeat = last.is_some_and(|l| l.slice(text) == s);
                    if sep {
                        kind = Kind::Weak;
                        expect = Expect::Crumb {
                            after_sep: true,
                            last,
                        };
                    } else if s == "首页"
                        || repeat
                        || after_sep && short_plain(s, CRUMB_MAX) && !is_title(s, lex)
                    {
                        if matches!(kind, Kind::Report | Kind::Trail) {
                            kind = Kind::Weak;
                        }
                        expect = Expect::Crumb {
                            after_sep: false,
                            last: Some(t),
                        };
                    } else {
                        expect = Expect::Nothing;
                    }
                }
            }
            Expect::Links => {
                if matches!(kind, Kind::Report | Kind::Trail) && short_plain(s, LINK_MAX) {
                    kind = Kind::Weak;
                }
            }
        }
        // What this line asks of the next ones.
        match kind {
            Kind::Blank => {}
            Kind::Strong(Follow::Value(meta)) => expect = Expect::Value(meta),
            Kind::Strong(Follow::Crumb) => {
                expect = Expect::Crumb {
                    after_sep: false,
                    last: None,
                }
            }
            // Footers are at the bottom: a list label higher up takes no link lines.
            Kind::Strong(Follow::List) => {
                expect = if line.start >= text.len() / 3 * 2 || text.len() - line.end <= FOOTER_TAIL
                {
                    Expect::Links
                } else {
                    Expect::Nothing
                }
            }
            Kind::Weak if matches!(expect, Expect::Crumb { .. } | Expect::Links) => {}
            Kind::Report | Kind::Part(_) | Kind::Trail => expect = Expect::Nothing,
            Kind::Strong(Follow::None | Follow::Credit) | Kind::Weak => {
                if expect != Expect::Links {
                    expect = Expect::Nothing;
                }
            }
        }
        if kind == Kind::Strong(Follow::Credit) {
            if let Some(above) = sentence {
                // The run was flushed at that sentence: start the block there.
                run.add(above, true);
            }
        }
        if kind != Kind::Blank {
            sentence = (kind == Kind::Report && caption_sentence(s)).then_some(t);
        }
        match kind {
            Kind::Blank => {}
            Kind::Weak => run.add(t, false),
            Kind::Trail if run.strong => run.add(t, false),
            Kind::Trail => run.flush(&mut out),
            Kind::Strong(_) => run.add(t, true),
            Kind::Report => run.flush(&mut out),
            Kind::Part(span) => {
                run.flush(&mut out);
                push(&mut out, span);
            }
        }
    }
    run.flush(&mut out);
    out
}

#[cfg(test)]
pub(crate) mod tests;

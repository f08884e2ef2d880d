//! Parsing and validation of rubric files, with errors located at file:line:column.
//!
//! The file is deserialised twice: once into the [`RubricFile`] model (serde reports type
//! errors with their place), once into a generic tree that remembers the byte span of every
//! key and value, so that validation errors ("unknown kind", "unknown role", "points do not add
//! up") point at the offending value. The second is read only when there is an error to place.

use std::collections::BTreeMap;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use super::matcher::{CueError, CueId, Matcher, MatcherBuilder};
use super::model::{ItemSpec, RubricFile};
use super::{Check, Cond, Item, KeywordMode, Role, RoleEnd, Rubric, Scope, Scoring, What};
use crate::{Error, ErrorKind, StatKind};

/// A node of the located tree: its byte span in the source and its children.
#[derive(Debug, Default)]
struct Node {
    start: usize,
    /// Children by key (tables) or index (arrays, as decimal strings).
    children: BTreeMap<String, Node>,
}

impl Node {
    /// The start of the value at `path` (keys and array indices), or of the deepest node found.
    fn locate(&self, path: &[String]) -> usize {
        let mut node = self;
        let mut best = self.start;
        for p in path {
            match node.children.get(p) {
                Some(n) => node = n,
                None => break,
            }
            if node.start > 0 {
                best = node.start;
            }
        }
        best
    }
}

/// A TOML value with spans, read through serde (`toml::Spanned`).
struct SValue(BTreeMap<String, Node>);

impl<'de> Deserialize<'de> for SValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<SValue, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = SValue;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("any TOML value")
            }
            fn visit_bool<E>(self, _: bool) -> Result<SValue, E> {
                Ok(SValue(BTreeMap::new()))
            }
            fn visit_i64<E>(self, _: i64) -> Result<SValue, E> {
                Ok(SValue(BTreeMap::new()))
            }
            fn visit_u64<E>(self, _: u64) -> Result<SValue, E> {
                Ok(SValue(BTreeMap::new()))
            }
            fn visit_f64<E>(self, _: f64) -> Result<SValue, E> {
                Ok(SValue(BTreeMap::new()))
            }
            fn visit_str<E>(self, _: &str) -> Result<SValue, E> {
                Ok(SValue(BTreeMap::new()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<SValue, A::Error> {
                let mut out = BTreeMap::new();
                let mut i = 0usize;
                while let Some(v) = seq.next_element::<Loc>()? {
                    out.insert(
                        i.to_string(),
                        Node {
                            start: v.0.unwrap_or(0),
                            children: v.1,
                        },
                    );
                    i += 1;
                }
                Ok(SValue(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<SValue, A::Error> {
                let mut out = BTreeMap::new();
                while let Some(k) = map.next_key::<String>()? {
                    let v = map.next_value::<Loc>()?;
                    out.insert(
                        k,
                        Node {
                            start: v.0.unwrap_or(0),
                            children: v.1,
                        },
                    );
                }
                Ok(SValue(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// A TOML value with its start when the deserializer gives one. It asks for a span the way
/// `toml::Spanned` does; tables written with dotted keys come without one (start unknown).
struct Loc(Option<usize>, BTreeMap<String, Node>);

const SPANNED_NAME: &str = "$__serde_spanned_private_Spanned";
const SPANNED_START: &str = "$__serde_spanned_private_start";
const SPANNED_END: &str = "$__serde_spanned_private_end";
const SPANNED_VALUE: &str = "$__serde_spanned_private_value";

impl<'de> Deserialize<'de> for Loc {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Loc, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Loc;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("any TOML value")
            }
            fn visit_bool<E>(self, _: bool) -> Result<Loc, E> {
                Ok(Loc(None, BTreeMap::new()))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Loc, E> {
                Ok(Loc(None, BTreeMap::new()))
            }
            fn visit_u64<E>(self, _: u64) -> Result<Loc, E> {
                Ok(Loc(None, BTreeMap::new()))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Loc, E> {
                Ok(Loc(None, BTreeMap::new()))
            }
            fn visit_str<E>(self, _: &str) -> Result<Loc, E> {
                Ok(Loc(None, BTreeMap::new()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Loc, A::Error> {
                let v = SValue::deserialize(serde::de::value::SeqAccessDeserializer::new(seq))?;
                Ok(Loc(None, v.0))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Loc, A::Error> {
                let mut out = BTreeMap::new();
                let mut start = None;
                while let Some(k) = map.next_key::<String>()? {
                    if k == SPANNED_START {
                        start = Some(map.next_value::<usize>()?);
                    } else if k == SPANNED_END {
                        map.next_value::<usize>()?;
                    } else if k == SPANNED_VALUE {
                        let v = map.next_value::<SValue>()?;
                        out = v.0;
                    } else {
                        let v = map.next_value::<Loc>()?;
                        out.insert(
                            k,
                            Node {
                                start: v.0.unwrap_or(0),
                                children: v.1,
                            },
                        );
                    }
                }
                Ok(Loc(start, out))
            }
        }
        d.deserialize_struct(
            SPANNED_NAME,
            &[SPANNED_START, SPANNED_END, SPANNED_VALUE],
            V,
        )
    }
}

/// Builds the located tree of a JSON source by a small scanner (serde_json keeps no spans).
fn json_tree(src: &str) -> Node {
    struct P<'a> {
        b: &'a [u8],
        i: usize,
    }
    impl P<'_> {
        fn ws(&mut self) {
            while self.b.get(self.i).is_some_and(|c| c.is_ascii_whitespace()) {
                self.i += 1;
            }
        }
        fn string(&mut self) -> String {
            // at '"'
            let start = self.i + 1;
            self.i += 1;
            while let Some(&c) = self.b.get(self.i) {
                if c == b'\\' {
                    self.i += 2;
                    continue;
                }
                if c == b'"' {
                    break;
                }
                self.i += 1;
            }
            let end = self.i.min(self.b.len());
            self.i += 1;
            let raw = self.b.get(start..end).unwrap_or(&[]);
            let quoted = format!("\"{}\"", String::from_utf8_lossy(raw));
            serde_json::from_str::<String>(&quoted)
                .unwrap_or_else(|_| String::from_utf8_lossy(raw).into_owned())
        }
        fn value(&mut self, depth: usize) -> Node {
            self.ws();
            let mut node = Node {
                start: self.i,
                children: BTreeMap::new(),
            };
            if depth > 64 {
                return node;
            }
            match self.b.get(self.i) {
                Some(b'{') => {
                    self.i += 1;
                    loop {
                        self.ws();
                        match self.b.get(self.i) {
                            Some(b'"') => {
                                let k = self.string();
                                self.ws();
                                if self.b.get(self.i) == Some(&b':') {
                                    self.i += 1;
                                }
                                let v = self.value(depth + 1);
                                node.children.insert(k, v);
                            }
                            Some(b',') => self.i += 1,
                            Some(b'}') => {
                                self.i += 1;
                                break;
                            }
                            _ => break,
                        }
                    }
                }
                Some(b'[') => {
                    self.i += 1;
                    let mut n = 0usize;
                    loop {
                        self.ws();
                        match self.b.get(self.i) {
                            Some(b',') => self.i += 1,
                            Some(b']') => {
                                self.i += 1;
                                break;
                            }
                            None => break,
                            Some(_) => {
                                let before = self.i;
                                let v = self.value(depth + 1);
                                node.children.insert(n.to_string(), v);
                                n += 1;
                                if self.i == before {
                                    break;
                                }
                            }
                        }
                    }
                }
                Some(b'"') => {
                    self.string();
                }
                Some(_) => {
                    while self.b.get(self.i).is_some_and(|c| {
                        !matches!(c, b',' | b']' | b'}') && !c.is_ascii_whitespace()
                    }) {
                        self.i += 1;
                    }
                }
                None => {}
            }
            node
        }
    }
    let mut p = P {
        b: src.as_bytes(),
        i: 0,
    };
    p.value(0)
}

/// Byte offset of 1-based `line`/`column` (characters) in `src`.
fn offset_of(src: &str, line: usize, column: usize) -> usize {
    let mut off = 0usize;
    for (n, l) in src.split_inclusive('\n').enumerate() {
        if n + 1 == line {
            let col = l
                .char_indices()
                .nth(column.saturating_sub(1))
                .map_or(l.len(), |(i, _)| i);
            return off + col;
        }
        off += l.len();
    }
    src.len()
}

/// Which syntax a rubric source is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Syntax {
    Toml,
    Json,
}

/// Parses, validates and compiles a rubric.
pub(crate) fn load(source: &str, file: Option<&str>, syntax: Syntax) -> Result<Rubric, Error> {
    let spec = parse(source, file, syntax)?;
    compile_parsed(spec, source, file, syntax)
}

/// Parses a rubric's source into its model, unvalidated.
pub(crate) fn parse(source: &str, file: Option<&str>, syntax: Syntax) -> Result<RubricFile, Error> {
    let err_at =
        |msg: String, at: usize| Error::new(ErrorKind::Rubric, msg).in_source(file, source, at);
    match syntax {
        Syntax::Toml => toml::from_str(source).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start);
            err_at(e.message().trim().to_owned(), at)
        }),
        Syntax::Json => serde_json::from_str(source).map_err(|e| {
            let at = offset_of(source, e.line(), e.column());
            let msg = e.to_string();
            let msg = msg.split(" at line ").next().unwrap_or(&msg).to_owned();
            err_at(msg, at)
        }),
    }
}

/// Validates and compiles `spec`, parsed from `source`. The source's tree of positions, which
/// places an error, is built only when there is an error to place.
pub(crate) fn compile_parsed(
    spec: RubricFile,
    source: &str,
    file: Option<&str>,
    syntax: Syntax,
) -> Result<Rubric, Error> {
    let err_at =
        |msg: String, at: usize| Error::new(ErrorKind::Rubric, msg).in_source(file, source, at);
    let tree = std::cell::OnceCell::new();
    let at = |path: &[&str]| {
        let tree = tree.get_or_init(|| match syntax {
            Syntax::Toml => toml::from_str::<SValue>(source)
                .map(|v| Node {
                    start: 0,
                    children: v.0,
                })
                .unwrap_or_default(),
            Syntax::Json => json_tree(source),
        });
        let p: Vec<String> = path.iter().map(|s| (*s).to_owned()).collect();
        tree.locate(&p)
    };
    compile(spec, &|msg: String, path: &[&str]| err_at(msg, at(path)))
}

type Fail<'a> = &'a dyn Fn(String, &[&str]) -> Error;

fn cue(b: &mut MatcherBuilder, c: &str, fail: Fail<'_>, path: &[&str]) -> Result<CueId, Error> {
    b.add(c).map_err(|e| match e {
        CueError::Blank => fail(
            format!("cue {c:?} is empty or has an empty part: it can never match"),
            path,
        ),
    })
}

fn cues(
    b: &mut MatcherBuilder,
    list: &[String],
    fail: Fail<'_>,
    path: &[&str],
) -> Result<Vec<CueId>, Error> {
    let mut out = Vec::with_capacity(list.len());
    for (i, c) in list.iter().enumerate() {
        let idx = i.to_string();
        let mut p: Vec<&str> = path.to_vec();
        p.push(&idx);
        out.push(cue(b, c, fail, &p)?);
    }
    Ok(out)
}

/// Default list introducers: a `lead` cue counts only in a sentence that introduces a list.
const INTRODUCERS: &str = include_str!("../../data/rubrics/introducers.txt");

fn compile(spec: RubricFile, fail: Fail<'_>) -> Result<Rubric, Error> {
    if spec.version != 1 {
        return Err(fail(
            format!(
                "unknown rubric version {} (this build reads version 1)",
                spec.version
            ),
            &["version"],
        ));
    }
    if spec.id.trim().is_empty() {
        return Err(fail("the rubric id is empty".into(), &["id"]));
    }
    let mut b = MatcherBuilder::default();
    let mut introducers = Vec::new();
    for line in INTRODUCERS.lines() {
        let l = line.trim();
        if !l.is_empty() && !l.starts_with('#') {
            if let Ok(c) = b.add(l) {
                introducers.push(c);
            }
        }
    }
    // Roles.
    let mut roles: Vec<Role> = Vec::new();
    for (ri, r) in spec.roles.iter().enumerate() {
        let ris = ri.to_string();
        let p = |k: &'static str| -> Vec<&str> { vec!["roles", ris.as_str(), k] };
        if r.id.trim().is_empty() {
            return Err(fail("role id is empty".into(), &p("id")));
        }
        if roles.iter().any(|x| x.id == r.id) {
            return Err(fail(format!("role {:?} is defined twice", r.id), &p("id")));
        }
        let end = match r.position.as_deref() {
            None | Some("paragraph") => RoleEnd::Paragraph,
            Some("last") => RoleEnd::Last,
            Some(o) => {
                return Err(fail(
                    format!("unknown role position {o:?} (expected \"paragraph\" or \"last\")"),
                    &p("position"),
                ))
            }
        };
        if r.heading.is_empty()
            && r.lead.is_empty()
            && r.opener.is_empty()
            && r.min_stats.is_none()
            && r.min_body_chars.is_none()
        {
            return Err(fail(
                format!(
                    "role {:?} has no cue (heading, lead, opener) and no fallback: it can never be found",
                    r.id
                ),
                &p("id"),
            ));
        }
        roles.push(Role {
            id: r.id.clone(),
            name: if r.name.is_empty() {
                r.id.clone()
            } else {
                r.name.clone()
            },
            heading: cues(&mut b, &r.heading, fail, &p("heading"))?,
            heading_not: cues(&mut b, &r.heading_not, fail, &p("heading_not"))?,
            lead: cues(&mut b, &r.lead, fail, &p("lead"))?,
            opener: cues(&mut b, &r.opener, fail, &p("opener"))?,
            end,
            min_stats: r.min_stats,
            min_body_chars: r.min_body_chars,
            not_inside: Vec::new(),
        });
    }
    for (ri, r) in spec.roles.iter().enumerate() {
        let ris = ri.to_string();
        for (k, name) in r.not_inside.iter().enumerate() {
            let j = roles.iter().position(|x| x.id == *name).ok_or_else(|| {
                fail(
                    format!("role {:?}: not_inside names unknown role {name:?}", r.id),
                    &["roles", &ris, "not_inside", &k.to_string()],
                )
            })?;
            if let Some(role) = roles.get_mut(ri) {
                role.not_inside.push(j);
            }
        }
    }
    let role_index = |name: &str| roles.iter().position(|r| r.id == name);
    // Items.
    let mut items: Vec<Item> = Vec::new();
    let mut sum = 0.0;
    for (ii, it) in spec.items.iter().enumerate() {
        let iis = ii.to_string();
        let p = |k: &'static str| -> Vec<&str> { vec!["items", iis.as_str(), k] };
        if it.id.trim().is_empty() {
            return Err(fail("item id is empty".into(), &p("id")));
        }
        if items.iter().any(|x| x.id == it.id) {
            return Err(fail(format!("item {:?} is defined twice", it.id), &p("id")));
        }
        if !it.points.is_finite() || it.points < 0.0 {
            return Err(fail(
                format!("item {:?}: points must be a number ≥ 0", it.id),
                &p("points"),
            ));
        }
        sum += it.points;
        let scope = parse_scope(it.scope.as_deref().unwrap_or("document"), &role_index)
            .map_err(|m| fail(format!("item {:?}: {m}", it.id), &p("scope")))?;
        let mut exclude = Vec::new();
        for (k, e) in it.exclude.iter().enumerate() {
            let ks = k.to_string();
            exclude.push(parse_scope(e, &role_index).map_err(|m| {
                fail(
                    format!("item {:?}: {m}", it.id),
                    &["items", &iis, "exclude", &ks],
                )
            })?);
        }
        let check = compile_check(it, &mut b, &role_index, &iis, fail)?;
        let scoring = compile_scoring(it, &check, &iis, fail)?;
        items.push(Item {
            id: it.id.clone(),
            points: it.points,
            message: it.message.clone(),
            suggestion: it.suggestion.clone(),
            critical: it.critical,
            scope,
            exclude,
            scoring,
            check,
            when: None,
        });
    }
    // Conditionals may name any item (checked after all ids are known), not themselves.
    for (ii, it) in spec.items.iter().enumerate() {
        let iis = ii.to_string();
        for (key, c) in [("if", it.when.as_deref()), ("then", it.then.as_deref())] {
            if let Some(c) = c {
                let cond = parse_cond(c, &role_index, &|n| {
                    spec.items.iter().position(|x| x.id == n)
                })
                .map_err(|m| fail(format!("item {:?}: {m}", it.id), &["items", &iis, key]))?;
                if let Cond::Item(j, _) = cond {
                    if j == ii {
                        return Err(fail(
                            format!("item {:?} refers to itself", it.id),
                            &["items", &iis, key],
                        ));
                    }
                }
                let Some(item) = items.get_mut(ii) else {
                    continue;
                };
                match (&mut item.check, key) {
                    (Check::Conditional { when, .. }, "if") => *when = cond,
                    (Check::Conditional { then, .. }, _) => *then = cond,
                    (_, "if") => item.when = Some(cond),
                    _ => {
                        return Err(fail(
                            format!("item {:?}: then is only for kind = \"conditional\"", it.id),
                            &["items", &iis, key],
                        ))
                    }
                }
            }
        }
    }
    if !spec.total.is_finite() || spec.total < 0.0 {
        return Err(fail("total must be a number ≥ 0".into(), &["total"]));
    }
    if (sum - spec.total).abs() > 1e-6 {
        return Err(fail(
            format!(
                "the items' points add up to {} but the declared total is {}",
                fmt_num(sum),
                fmt_num(spec.total)
            ),
            &["total"],
        ));
    }
    // Grades.
    let mut grades: Vec<(String, f64)> = spec
        .grades
        .iter()
        .map(|g| (g.name.clone(), g.min))
        .collect();
    if grades.is_empty() {
        grades = vec![
            ("好".into(), 85.0),
            ("较好".into(), 70.0),
            ("一般".into(), 55.0),
            ("差".into(), 0.0),
        ];
    }
    for (gi, g) in spec.grades.iter().enumerate() {
        if !(0.0..=100.0).contains(&g.min) || g.name.trim().is_empty() {
            return Err(fail(
                format!(
                    "grade {:?}: min must be a percent 0–100 and the name non-empty",
                    g.name
                ),
                &["grades", &gi.to_string()],
            ));
        }
    }
    grades.sort_by(|a, b| b.1.total_cmp(&a.1));
    let critical_cap = match &spec.critical_cap {
        None => None,
        Some(c) => Some(grades.iter().position(|g| &g.0 == c).ok_or_else(|| {
            fail(
                format!("critical_cap {c:?} is not one of the grade names"),
                &["critical_cap"],
            )
        })?),
    };
    let select = cues(&mut b, &spec.select, fail, &["select"])?;
    let matcher: Matcher = b.build();
    Ok(Rubric {
        id: spec.id.clone(),
        spec,
        roles,
        items,
        grades,
        critical_cap,
        select,
        introducers,
        matcher,
    })
}

pub(crate) fn fmt_num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

fn parse_scope(s: &str, role: &dyn Fn(&str) -> Option<usize>) -> Result<Scope, String> {
    let s = s.trim();
    match s {
        "document" => return Ok(Scope::Document),
        "body" => return Ok(Scope::Body),
        "title" => return Ok(Scope::Title),
        "headings" => return Ok(Scope::Headings(None)),
        _ => {}
    }
    if let Some(r) = s.strip_prefix("role:") {
        return role(r)
            .map(Scope::Role)
            .ok_or_else(|| format!("scope {s:?} names unknown role {r:?}"));
    }
    if let Some(d) = s.strip_prefix("headings:") {
        return match d.parse::<u8>() {
            Ok(n) if n >= 1 => Ok(Scope::Headings(Some(n))),
            _ => Err(format!("scope {s:?}: the depth must be a number ≥ 1")),
        };
    }
    Err(format!(
        "bad scope {s:?} (expected document, body, title, headings, headings:N or role:ID)"
    ))
}

fn parse_cond(
    s: &str,
    role: &dyn Fn(&str) -> Option<usize>,
    item: &dyn Fn(&str) -> Option<usize>,
) -> Result<Cond, String> {
    let (neg, body) = match s.trim().strip_prefix('!') {
        Some(b) => (true, b.trim()),
        None => (false, s.trim()),
    };
    if let Some(r) = body.strip_prefix("role:") {
        return role(r)
            .map(|i| Cond::Role(i, !neg))
            .ok_or_else(|| format!("condition {s:?} names unknown role {r:?}"));
    }
    if let Some(r) = body.strip_prefix("item:") {
        return item(r)
            .map(|i| Cond::Item(i, !neg))
            .ok_or_else(|| format!("condition {s:?} names unknown item {r:?}"));
    }
    Err(format!(
        "bad condition {s:?} (expected role:ID, item:ID, or either with a leading !)"
    ))
}

fn stat_kind(s: &str) -> Option<StatKind> {
    Some(match s {
        "count" => StatKind::Count,
        "money" => StatKind::Money,
        "percent" => StatKind::Percent,
        "points" => StatKind::Points,
        "measure" => StatKind::Measure,
        "duration" => StatKind::Duration,
        "ratio" => StatKind::Ratio,
        "date" => StatKind::Date,
        _ => return None,
    })
}

const KINDS: &str =
    "section_present, section_order, keywords, count, stats, forbidden, conditional";

fn compile_check(
    it: &ItemSpec,
    b: &mut MatcherBuilder,
    role: &dyn Fn(&str) -> Option<usize>,
    iis: &str,
    fail: Fail<'_>,
) -> Result<Check, Error> {
    let p = |k: &'static str| -> Vec<&str> { vec!["items", iis, k] };
    let id = &it.id;
    let need_role = |name: Option<&str>, key: &'static str| -> Result<usize, Error> {
        let Some(n) = name else {
            return Err(fail(format!("item {id:?}: {key} is required"), &p("kind")));
        };
        role(n).ok_or_else(|| fail(format!("item {id:?}: unknown role {n:?}"), &p(key)))
    };
    Ok(match it.kind.as_str() {
        "section_present" => Check::SectionPresent {
            role: need_role(it.role.as_deref(), "role")?,
        },
        "section_order" => {
            if it.order.len() < 2 {
                return Err(fail(
                    format!("item {id:?}: order needs at least two roles"),
                    &p("order"),
                ));
            }
            let mut order = Vec::new();
            for (k, alt) in it.order.iter().enumerate() {
                let mut group = Vec::new();
                for name in alt.split('|').map(str::trim) {
                    group.push(role(name).ok_or_else(|| {
                        fail(
                            format!("item {id:?}: unknown role {name:?}"),
                            &["items", iis, "order", &k.to_string()],
                        )
                    })?);
                }
                order.push(group);
            }
            Check::SectionOrder { order }
        }
        "keywords" => {
            if it.groups.is_empty() {
                return Err(fail(
                    format!("item {id:?}: keywords needs groups"),
                    &p("kind"),
                ));
            }
            let mut groups = Vec::new();
            for (g, grp) in it.groups.iter().enumerate() {
                let gs = g.to_string();
                if grp.cues.is_empty() {
                    return Err(fail(
                        format!("cue group {:?} has no cues: it can never match", grp.name),
                        &["items", iis, "groups", &gs],
                    ));
                }
                let ids = cues(b, &grp.cues, fail, &["items", iis, "groups", &gs, "cues"])?;
                groups.push((grp.name.clone(), ids, grp.min.unwrap_or(1).max(1)));
            }
            let n = groups.len();
            let mode = match it.mode.as_deref() {
                None | Some("any") => KeywordMode::Any,
                Some("all") => KeywordMode::All,
                Some("k_of_n") => {
                    let k = it
                        .k
                        .ok_or_else(|| fail(format!("item {id:?}: k_of_n needs k"), &p("mode")))?;
                    if k == 0 || k > n {
                        return Err(fail(
                            format!("item {id:?}: k = {k} but there are {n} groups"),
                            &p("k"),
                        ));
                    }
                    KeywordMode::K(k)
                }
                Some(o) => {
                    return Err(fail(
                        format!("item {id:?}: unknown mode {o:?} (any, all, k_of_n)"),
                        &p("mode"),
                    ))
                }
            };
            Check::Keywords { groups, mode }
        }
        "count" | "stats" => {
            let what = if it.kind == "stats" {
                What::Stats
            } else {
                match it.what.as_deref() {
                    Some("items") => What::Items,
                    Some("points") => What::Points,
                    Some("headings") => What::Headings,
                    Some("stats") => What::Stats,
                    Some("sentences") => What::Sentences,
                    Some("chars") => What::Chars,
                    Some("paragraphs") => What::Paragraphs,
                    Some(o) => {
                        return Err(fail(
                            format!(
                                "item {id:?}: unknown count {o:?} (items, points, headings, stats, sentences, chars, paragraphs)"
                            ),
                            &p("what"),
                        ))
                    }
                    None => {
                        return Err(fail(format!("item {id:?}: count needs what"), &p("kind")))
                    }
                }
            };
            if it.min.is_none() && it.max.is_none() && it.thresholds.is_empty() {
                return Err(fail(
                    format!("item {id:?}: give min, max or thresholds"),
                    &p("kind"),
                ));
            }
            let mut kinds = Vec::new();
            for (k, s) in it.kinds.iter().enumerate() {
                kinds.push(stat_kind(s).ok_or_else(|| {
                    fail(
                        format!("item {id:?}: unknown statistic kind {s:?}"),
                        &["items", iis, "kinds", &k.to_string()],
                    )
                })?);
            }
            Check::Count {
                what,
                depth: it.depth,
                min: it.min,
                max: it.max,
                kinds,
            }
        }
        "forbidden" => {
            let mut placeholders = false;
            let mut boilerplate = false;
            let mut cliches = false;
            for (k, f) in it.forbid.iter().enumerate() {
                match f.as_str() {
                    "placeholders" => placeholders = true,
                    "boilerplate" => boilerplate = true,
                    "cues" => cliches = true,
                    o => {
                        return Err(fail(
                            format!(
                                "item {id:?}: cannot forbid {o:?} (placeholders, boilerplate, cues)"
                            ),
                            &["items", iis, "forbid", &k.to_string()],
                        ))
                    }
                }
            }
            if !it.cues.is_empty() {
                cliches = true;
            }
            if cliches && it.cues.is_empty() {
                return Err(fail(
                    format!("item {id:?}: forbid = \"cues\" needs a cue list"),
                    &p("forbid"),
                ));
            }
            if !(placeholders || boilerplate || cliches) {
                return Err(fail(format!("item {id:?}: nothing to forbid"), &p("kind")));
            }
            Check::Forbidden {
                placeholders,
                boilerplate,
                cues: cues(b, &it.cues, fail, &p("cues"))?,
            }
        }
        "conditional" => {
            if it.when.is_none() || it.then.is_none() {
                return Err(fail(
                    format!("item {id:?}: conditional needs if and then"),
                    &p("kind"),
                ));
            }
            Check::Conditional {
                when: Cond::Role(0, true),
                then: Cond::Role(0, true),
                then_cues: cues(b, &it.then_cues, fail, &p("then_cues"))?,
            }
        }
        o => {
            return Err(fail(
                format!("item {id:?}: unknown kind {o:?} (expected one of {KINDS})"),
                &p("kind"),
            ))
        }
    })
}

fn compile_scoring(
    it: &ItemSpec,
    check: &Check,
    iis: &str,
    fail: Fail<'_>,
) -> Result<Scoring, Error> {
    let p = |k: &'static str| -> Vec<&str> { vec!["items", iis, k] };
    let id = &it.id;
    let default = match check {
        Check::Forbidden { .. } if it.per_hit.is_some() => "deduction",
        _ if !it.thresholds.is_empty() => "graded",
        _ => "binary",
    };
    Ok(match it.scoring.as_deref().unwrap_or(default) {
        "binary" => Scoring::Binary,
        "graded" => {
            if it.thresholds.is_empty() {
                return Err(fail(
                    format!("item {id:?}: graded scoring needs thresholds"),
                    &p("scoring"),
                ));
            }
            let mut t = it.thresholds.clone();
            for (v, pts) in &t {
                if !v.is_finite() || !pts.is_finite() || *pts < 0.0 || *pts > it.points + 1e-9 {
                    return Err(fail(
                        format!(
                            "item {id:?}: each threshold is [value, points] with 0 ≤ points ≤ {}",
                            fmt_num(it.points)
                        ),
                        &p("thresholds"),
                    ));
                }
            }
            t.sort_by(|a, b| a.0.total_cmp(&b.0));
            Scoring::Graded(t)
        }
        "deduction" => {
            let per_hit = it.per_hit.ok_or_else(|| {
                fail(
                    format!("item {id:?}: deduction scoring needs per_hit"),
                    &p("scoring"),
                )
            })?;
            if !per_hit.is_finite() || per_hit <= 0.0 {
                return Err(fail(
                    format!("item {id:?}: per_hit must be > 0"),
                    &p("per_hit"),
                ));
            }
            Scoring::Deduction {
                per_hit,
                cap: it.cap.unwrap_or(it.points).min(it.points),
            }
        }
        o => {
            return Err(fail(
                format!("item {id:?}: unknown scoring {o:?} (binary, graded, deduction)"),
                &p("scoring"),
            ))
        }
    })
}

#[cfg(test)]
mod tests {
    use crate::Rubric;

    const GOOD: &str = r#"version = 1
id = "t"
total = 10

[[roles]]
id = "plans"
heading = ["下一步", "打算"]

[[items]]
id = "plans"
kind = "section_present"
role = "plans"
points = 6
message = "缺少下一步打算"

[[items]]
id = "kw"
kind = "keywords"
points = 4
[[items.groups]]
name = "时限"
cues = ["年底前", "年内"]
"#;

    fn err(src: &str) -> String {
        match Rubric::from_toml(src, Some("r.toml")) {
            Ok(_) => panic!("accepted a bad rubric"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn truncated_and_mangled_sources_never_panic() {
        let toml_src = include_str!("../../data/rubrics/party-building.toml");
        let json_src = Rubric::builtin("gov-report").unwrap().to_json();
        for src in [toml_src, json_src.as_str()] {
            let cuts: Vec<usize> = src.char_indices().map(|(i, _)| i).step_by(41).collect();
            for &c in &cuts {
                let part = &src[..c];
                let _ = Rubric::from_source(part, Some("t"));
                let mangled = format!("{}\"{}", part, &src[c..]);
                let _ = Rubric::from_source(&mangled, None);
            }
        }
        for bad in [
            "",
            "{",
            "[",
            "\u{FEFF}{\"version\":",
            "version = nan\nid=\"x\"\ntotal = nan",
            "total = inf",
        ] {
            assert!(Rubric::from_source(bad, None).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn good_loads() {
        let r = Rubric::from_toml(GOOD, Some("r.toml")).unwrap();
        assert_eq!(r.item_ids().collect::<Vec<_>>(), ["plans", "kw"]);
    }

    #[test]
    fn unknown_kind_is_located() {
        let e = err(&GOOD.replace("kind = \"section_present\"", "kind = \"section\""));
        assert!(
            e.starts_with("rubric error at r.toml:11:8: item \"plans\": unknown kind \"section\""),
            "{e}"
        );
        assert!(e.contains("\n  | kind = \"section\"\n  |        ^"), "{e}");
    }

    #[test]
    fn unknown_role_is_located() {
        let e = err(&GOOD.replace("role = \"plans\"", "role = \"plan\""));
        assert!(
            e.starts_with("rubric error at r.toml:12:8: item \"plans\": unknown role \"plan\""),
            "{e}"
        );
    }

    #[test]
    fn bad_scope_is_located() {
        let e = err(&GOOD.replace("points = 4\n", "points = 4\nscope = \"role:nope\"\n"));
        assert!(e.starts_with("rubric error at r.toml:20:9:"), "{e}");
        assert!(e.contains("unknown role \"nope\""), "{e}");
        let e = err(&GOOD.replace("points = 4\n", "points = 4\nscope = \"everything\"\n"));
        assert!(e.contains("bad scope \"everything\""), "{e}");
    }

    #[test]
    fn blank_cue_is_located() {
        let e = err(&GOOD.replace("\"年内\"", "\"  \""));
        assert!(e.starts_with("rubric error at r.toml:22:16:"), "{e}");
        assert!(e.contains("can never match"), "{e}");
        let e = err(&GOOD.replace("[\"年底前\", \"年内\"]", "[]"));
        assert!(e.contains("has no cues: it can never match"), "{e}");
    }

    #[test]
    fn points_must_add_up() {
        let e = err(&GOOD.replace("points = 6", "points = 5"));
        assert!(
            e.starts_with("rubric error at r.toml:3:9: the items' points add up to 9 but the declared total is 10"),
            "{e}"
        );
    }

    #[test]
    fn syntax_and_unknown_fields_are_located() {
        let e = err(&GOOD.replace("points = 6", "points = "));
        assert!(e.starts_with("rubric error at r.toml:13:"), "{e}");
        let e = err(&GOOD.replace("points = 6", "points = 6\npionts = 1"));
        assert!(e.starts_with("rubric error at r.toml:"), "{e}");
        assert!(e.contains("pionts"), "{e}");
    }

    #[test]
    fn if_on_plain_items_and_then_only_on_conditionals() {
        let src = GOOD.replace(
            "kind = \"keywords\"\n",
            "kind = \"keywords\"\nif = \"role:plans\"\n",
        );
        let r = Rubric::from_toml(&src, None).unwrap();
        let text = "总结\n一、主要成绩\n完成任务。\n";
        let rep = crate::analyze_outline_and_stats(text);
        let c = crate::rubric::score(text, &rep, &r);
        let kw = c[0].items.iter().find(|i| i.id == "kw").unwrap();
        assert_eq!(kw.verdict, crate::Verdict::NotApplicable);
        let e = err(&GOOD.replace(
            "kind = \"keywords\"\n",
            "kind = \"keywords\"\nthen = \"role:plans\"\n",
        ));
        assert!(e.contains("then is only for kind = \"conditional\""), "{e}");
        let e = err(&GOOD.replace(
            "kind = \"keywords\"\n",
            "kind = \"keywords\"\nif = \"item:kw\"\n",
        ));
        assert!(e.contains("refers to itself"), "{e}");
    }

    #[test]
    fn builtin_sized_files_are_located() {
        let src = include_str!("../../data/rubrics/work-summary.toml").replace(
            "thresholds = [[1, 3], [2, 6], [3, 10]]",
            "thresholds = [[1, 3], [2, 6], [3, 11]]",
        );
        let e = err(&src);
        assert!(e.contains("each threshold"), "{e}");
        assert!(e.contains("\n  | thresholds = [[1, 3]"), "{e}");
    }

    #[test]
    fn json_errors_are_located() {
        let src = "{\n  \"version\": 1,\n  \"id\": \"j\",\n  \"total\": 3,\n  \"items\": [\n    {\"id\": \"a\", \"kind\": \"nope\", \"points\": 3}\n  ]\n}\n";
        let e = Rubric::from_json(src, Some("r.json"))
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("rubric error at r.json:6:25: item \"a\": unknown kind"),
            "{e}"
        );
        let e = Rubric::from_json("{\"version\": 1,", Some("r.json"))
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("rubric error at r.json:1:"), "{e}");
    }
}

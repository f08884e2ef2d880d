//! Finding the parts of a report (成绩, 做法, 存在问题, 下步打算 …) on its outline.
//!
//! A role is found, in this order of trust:
//! 1. **by heading**: a heading whose title holds one of the role's `heading` cues (and none of
//!    its `heading_not` cues) — its whole section is the part;
//! 2. **inline**: an `opener` cue anywhere in the body ("我们也清醒看到…"), or a `lead` cue in a
//!    sentence that introduces a list ("…存在不少困难和问题：一是…", "…计划如下："). A bare
//!    admission ("虽然还存在很多不足之处，但…") or a passing mention is no part. The part runs to
//!    the next heading that is not a child of the enclosing section, or — for roles with
//!    `position = "last"` (plans come last) — to the end of the document;
//! 3. **by fallback**: `min_stats` quantified statistics, or `min_body_chars` characters of
//!    body, outside the parts of the roles that have no fallback (so a document that is all
//!    problems and plans has no achievements).

use super::matcher::{sentence_ends, CueId, Hits};
use super::{RoleEnd, Rubric};
use crate::text::{in_spans, is_blank};
use crate::{Report, Span, StatKind};

/// How a part was found.
///
/// ```
/// let text = "总结\n全年完成任务。我们也清醒看到，学习还不够深入。\n";
/// let r = baogao::analyze(text);
/// let rub = baogao::Rubric::builtin("work-summary").unwrap();
/// let p = rub.find_roles(text, &r, 0).into_iter().find(|p| p.role == "problems").unwrap();
/// assert_eq!(p.found, baogao::rubric::Found::Opener);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Found {
    /// A heading's title holds a cue; the part is its section.
    Heading,
    /// A sentence introducing a list holds a `lead` cue.
    Lead,
    /// An `opener` cue.
    Opener,
    /// Enough statistics outside the other parts.
    Stats,
    /// Enough body text outside the other parts.
    Body,
}

/// One part of a document playing a role.
///
/// ```
/// let text = "总结\n一、存在问题\n一是学习不够。\n";
/// let report = baogao::analyze(text);
/// let r = baogao::Rubric::builtin("work-summary").unwrap();
/// let p = r.find_roles(text, &report, 0).into_iter().find(|p| p.role == "problems").unwrap();
/// assert_eq!(p.anchor.slice(text), "一、存在问题");
/// assert_eq!(p.found, baogao::rubric::Found::Heading);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct RolePart {
    /// The role's id (`problems`).
    pub role: String,
    /// The extent of the part (a section, or a passage).
    pub span: Span,
    /// The evidence: the heading (marker and title) or the cue sentence.
    pub anchor: Span,
    /// How the part was found.
    pub found: Found,
}

/// Per-document analysis state shared by role finding and scoring.
pub(crate) struct DocContext<'a> {
    pub rubric: &'a Rubric,
    pub text: &'a str,
    pub report: &'a Report,
    pub doc: usize,
    pub span: Span,
    pub hits: Hits,
    /// Sentence ends, relative to the document's start (`span.start`): shared by every rubric
    /// the document is scored against, not copied.
    pub ends: &'a [usize],
    /// Indices of the document's headings.
    pub heads: Vec<usize>,
    /// The document minus boilerplate (sorted, disjoint).
    pub base: Vec<Span>,
    /// Heading marker+title spans of the document.
    pub titles: Vec<Span>,
    /// Parts per role.
    pub parts: Vec<Vec<RolePart>>,
}

impl<'a> DocContext<'a> {
    /// The context of document `doc`, given its sentence ends (relative to its start, from
    /// [`doc_sentence_ends`]) computed once for every rubric it is scored against.
    pub(crate) fn with_ends(
        rubric: &'a Rubric,
        text: &'a str,
        report: &'a Report,
        doc: usize,
        rel_ends: &'a [usize],
    ) -> DocContext<'a> {
        let span = doc_span(report, doc);
        let slice = text.get(span.start..span.end).unwrap_or("");
        let hits = rubric.matcher.scan(slice, rel_ends);
        DocContext::with_hits(rubric, text, report, doc, rel_ends, hits)
    }

    /// [`DocContext::with_ends`] with the rubric's cue hits in the document already found
    /// (relative to its start, as its sentence ends are).
    pub(crate) fn with_hits(
        rubric: &'a Rubric,
        text: &'a str,
        report: &'a Report,
        doc: usize,
        rel_ends: &'a [usize],
        rel_hits: Hits,
    ) -> DocContext<'a> {
        let span = doc_span(report, doc);
        let hits = rel_hits.shifted(span.start);
        // Headings are in document order: the document's are one run.
        let lo = report.headings.partition_point(|h| h.document < doc);
        let hi = report.headings.partition_point(|h| h.document <= doc);
        let heads: Vec<usize> = (lo..hi.max(lo))
            .filter(|&i| report.headings.get(i).is_some_and(|h| h.document == doc))
            .collect();
        let bp = &report.boilerplate;
        let b0 = bp.partition_point(|b| b.end <= span.start);
        let b1 = bp.partition_point(|b| b.start < span.end);
        let base = subtract(
            &[span],
            &normalize(bp.get(b0..b1.max(b0)).unwrap_or(&[]).to_vec()),
        );
        let titles = normalize(
            heads
                .iter()
                .filter_map(|&i| report.headings.get(i))
                .map(heading_line)
                .collect(),
        );
        let mut ctx = DocContext {
            rubric,
            text,
            report,
            doc,
            span,
            hits,
            ends: rel_ends,
            heads,
            base,
            titles,
            parts: vec![Vec::new(); rubric.roles.len()],
        };
        ctx.find_parts();
        ctx
    }

    /// The parts of all roles, flattened in role order then document order.
    pub(crate) fn parts_public(&self) -> Vec<RolePart> {
        self.parts.iter().flatten().cloned().collect()
    }

    /// Whether role `r` has a part.
    pub(crate) fn present(&self, r: usize) -> bool {
        self.parts.get(r).is_some_and(|p| !p.is_empty())
    }

    /// The merged spans of role `r`, clipped to the document body.
    pub(crate) fn role_spans(&self, r: usize) -> Vec<Span> {
        let v = self
            .parts
            .get(r)
            .map(|p| p.iter().map(|x| x.span).collect())
            .unwrap_or_default();
        intersect(&normalize(v), &self.base)
    }

    /// The sentence ends of the document from the first one after `at` on (absolute offsets).
    pub(crate) fn ends_after(&self, at: usize) -> impl Iterator<Item = usize> + '_ {
        let base = self.span.start;
        let i = self.ends.partition_point(|&e| e + base <= at);
        self.ends
            .get(i..)
            .unwrap_or(&[])
            .iter()
            .map(move |&e| e + base)
    }

    /// Start of the sentence holding `at`.
    fn sentence_start(&self, at: usize) -> usize {
        let base = self.span.start;
        let i = self.ends.partition_point(|&e| e + base <= at);
        let s = i
            .checked_sub(1)
            .and_then(|j| self.ends.get(j))
            .map_or(base, |&e| e + base)
            .max(base);
        skip_blanks(self.text, s, at)
    }

    /// End of the sentence holding `at`.
    fn sentence_end(&self, at: usize) -> usize {
        self.ends_after(at)
            .next()
            .unwrap_or(self.span.end)
            .min(self.span.end)
    }

    fn cue_in(&self, cues: &[CueId], span: Span) -> bool {
        cues.iter().any(|&c| hit_within(self.hits.of(c), span))
    }

    /// [`DocContext::cue_in`] for each of `lines` at once (see [`mark_hit_within`]).
    fn cue_in_lines(&self, cues: &[CueId], lines: &[Span]) -> Vec<bool> {
        let mut out = vec![false; lines.len()];
        for &c in cues {
            mark_hit_within(self.hits.of(c), lines, &mut out);
        }
        out
    }

    /// Whether the sentence `s` (holding a lead cue ending at `cue_end`) introduces a list.
    fn introduces(&self, s: Span, cue_end: usize) -> bool {
        let tail = Span::new(cue_end, s.end).slice(self.text);
        if tail.contains('：') || tail.contains(':') {
            return true;
        }
        if self.cue_in(&self.rubric.introducers, s) {
            return true;
        }
        // Followed by the first item of a list, or a first heading (a restarted numbering).
        let next = skip_blanks(self.text, s.end, self.span.end);
        let starts_item = {
            let it = &self.report.items;
            let i = it.partition_point(|x| x.span.start < next);
            it.get(i).is_some_and(|x| {
                x.span.start == next && (x.ordinal == Some(1) || x.kind == crate::ItemKind::Dash)
            })
        };
        let starts_head = {
            let i = self.heads.partition_point(|&h| {
                self.report
                    .headings
                    .get(h)
                    .is_some_and(|x| x.span.start < next)
            });
            self.heads
                .get(i)
                .and_then(|&h| self.report.headings.get(h))
                .is_some_and(|h| h.span.start == next && h.ordinal == Some(1))
        };
        starts_item || starts_head
    }

    /// Where an inline part starting at `start` ends.
    fn part_end(&self, start: usize, end: RoleEnd) -> usize {
        if end == RoleEnd::Last {
            return self.span.end;
        }
        let enclosing = self.report.section_at(start);
        let depth = enclosing
            .and_then(|h| self.report.headings.get(h))
            .map_or(u8::MAX, |h| h.depth);
        let mut stop = enclosing
            .and_then(|h| self.report.headings.get(h))
            .map_or(self.span.end, |h| h.span.end);
        let from = self.heads.partition_point(|&h| {
            self.report
                .headings
                .get(h)
                .is_some_and(|x| x.span.start <= start)
        });
        for &hi in self.heads.get(from..).unwrap_or(&[]) {
            if let Some(h) = self.report.headings.get(hi) {
                if h.span.start >= stop {
                    break;
                }
                if h.depth <= depth || enclosing.is_none() {
                    stop = stop.min(h.span.start);
                    break;
                }
            }
        }
        stop.min(self.span.end).max(start)
    }

    fn find_parts(&mut self) {
        let roles = &self.rubric.roles;
        let mut parts: Vec<Vec<RolePart>> = vec![Vec::new(); roles.len()];
        // 1. Headings.
        let heads: Vec<&crate::Heading> = self
            .heads
            .iter()
            .filter_map(|&hi| self.report.headings.get(hi))
            .collect();
        let lines: Vec<Span> = heads.iter().map(|h| heading_line(h)).collect();
        for (ri, role) in roles.iter().enumerate() {
            let yes = self.cue_in_lines(&role.heading, &lines);
            let no = self.cue_in_lines(&role.heading_not, &lines);
            let Some(p) = parts.get_mut(ri) else { continue };
            for (k, (h, &line)) in heads.iter().zip(&lines).enumerate() {
                if yes.get(k) == Some(&true) && no.get(k) != Some(&true) {
                    p.push(RolePart {
                        role: role.id.clone(),
                        span: h.span,
                        anchor: line,
                        found: Found::Heading,
                    });
                }
            }
        }
        // 2. Inline cues in the body (not in heading titles, not in boilerplate).
        for (ri, role) in roles.iter().enumerate() {
            let mut cands: Vec<(Span, Found)> = Vec::new();
            for (cues, how) in [(&role.opener, Found::Opener), (&role.lead, Found::Lead)] {
                for &c in cues.iter() {
                    for hit in self.hits.of(c) {
                        if in_spans(&self.titles, hit.start) || !in_spans(&self.base, hit.start) {
                            continue;
                        }
                        let s =
                            Span::new(self.sentence_start(hit.start), self.sentence_end(hit.start));
                        if how == Found::Lead && !self.introduces(s, hit.end) {
                            continue;
                        }
                        cands.push((s, how));
                    }
                }
            }
            // In document order; a sentence inside a part already found adds nothing.
            cands.sort_by_key(|(s, how)| (s.start, *how != Found::Opener));
            let mut covered = 0usize;
            let mut found: Vec<RolePart> = Vec::new();
            for (s, how) in cands {
                if s.start < covered {
                    continue;
                }
                let end = self.part_end(s.start, role.end);
                covered = end.max(s.end);
                found.push(RolePart {
                    role: role.id.clone(),
                    span: Span::new(s.start, end),
                    anchor: trim_end_punct(self.text, s),
                    found: how,
                });
            }
            if let Some(p) = parts.get_mut(ri) {
                p.extend(found);
            }
        }
        // Parts inside the parts of a `not_inside` role belong to that role.
        let snapshot = parts.clone();
        for (ri, role) in roles.iter().enumerate() {
            if role.not_inside.is_empty() {
                continue;
            }
            let Some(p) = parts.get_mut(ri) else { continue };
            p.retain(|x| {
                !role.not_inside.iter().any(|&o| {
                    snapshot.get(o).into_iter().flatten().any(|y| {
                        y.span.contains(x.anchor.start) && y.anchor.start != x.anchor.start
                    })
                })
            });
        }
        // 3. Fallbacks, outside the parts of roles without fallbacks.
        let mut cue_only: Vec<Span> = Vec::new();
        for (ri, role) in roles.iter().enumerate() {
            if role.min_stats.is_none() && role.min_body_chars.is_none() {
                cue_only.extend(parts.get(ri).into_iter().flatten().map(|p| p.span));
            }
        }
        let doc_title = self
            .report
            .documents
            .get(self.doc)
            .map(|d| d.title)
            .filter(|t| !t.is_empty());
        // Heading titles are part of the body a work summary writes (many are whole sentences);
        // the document title is not.
        let outside = subtract(
            &subtract(&self.base, &normalize(cue_only)),
            &normalize(doc_title.into_iter().collect()),
        );
        for (ri, role) in roles.iter().enumerate() {
            if parts.get(ri).is_some_and(|p| !p.is_empty()) {
                continue;
            }
            // Statistics in a sentence holding a lead or opener cue of a `not_inside` role
            // (targets: "主要预期目标是：增长6%左右", "力争…") are no results.
            let stats_outside = if role.min_stats.is_some() {
                let mut cut: Vec<Span> = Vec::new();
                for &o in &role.not_inside {
                    let Some(other) = roles.get(o) else { continue };
                    for &c in other.lead.iter().chain(other.opener.iter()) {
                        for hit in self.hits.of(c) {
                            cut.push(Span::new(
                                self.sentence_start(hit.start),
                                self.sentence_end(hit.start),
                            ));
                        }
                    }
                }
                subtract(&outside, &normalize(cut))
            } else {
                Vec::new()
            };
            let Some(p) = parts.get_mut(ri) else { continue };
            if let Some(n) = role.min_stats {
                let st = &self.report.stats;
                let s0 = st.partition_point(|x| x.span.start < self.span.start);
                let s1 = st.partition_point(|x| x.span.start < self.span.end);
                let found: Vec<Span> = st
                    .get(s0..s1.max(s0))
                    .unwrap_or(&[])
                    .iter()
                    .filter(|s| s.kind != StatKind::Date && in_spans(&stats_outside, s.span.start))
                    .map(|s| s.span)
                    .collect();
                if n > 0 && found.len() >= n {
                    if let (Some(a), Some(b)) = (found.first(), found.last()) {
                        p.push(RolePart {
                            role: role.id.clone(),
                            span: Span::new(a.start, b.end),
                            anchor: *a,
                            found: Found::Stats,
                        });
                    }
                    continue;
                }
            }
            if let Some(n) = role.min_body_chars {
                let chars: usize = outside
                    .iter()
                    .map(|s| crate::text::count_nonblank(s.slice(self.text)))
                    .sum();
                if chars >= n.max(1) {
                    if let Some(first) = outside.iter().find(|s| !is_blank_span(self.text, **s)) {
                        let start = skip_blanks(self.text, first.start, first.end);
                        let line_end = first
                            .slice(self.text)
                            .get(start - first.start..)
                            .and_then(|t| t.find('\n'))
                            .map_or(first.end, |i| start + i);
                        p.push(RolePart {
                            role: role.id.clone(),
                            span: Span::new(start, outside.last().map_or(first.end, |l| l.end)),
                            anchor: Span::new(start, line_end),
                            found: Found::Body,
                        });
                    }
                }
            }
        }
        for p in &mut parts {
            p.sort_by_key(|x| (x.span.start, x.span.end));
        }
        self.parts = parts;
    }
}

/// Whether the first of `hits` (sorted) that starts at or after `span` starts ends inside it:
/// a cue "is in" a span.
fn hit_within(hits: &[Span], span: Span) -> bool {
    let i = hits.partition_point(|x| x.start < span.start);
    hits.get(i).is_some_and(|x| x.end <= span.end)
}

/// Sets `out[k]` where [`hit_within`]`(hits, spans[k])` holds, for every span at once: one merge
/// of the hits with the spans (in document order; a span that starts before the previous one
/// searches again) instead of one search per span.
fn mark_hit_within(hits: &[Span], spans: &[Span], out: &mut [bool]) {
    if hits.is_empty() {
        return;
    }
    let mut j = 0;
    let mut prev = 0;
    for (span, hit) in spans.iter().zip(out.iter_mut()) {
        if span.start < prev {
            j = hits.partition_point(|x| x.start < span.start);
        }
        prev = span.start;
        while hits.get(j).is_some_and(|x| x.start < span.start) {
            j += 1;
        }
        *hit |= hits.get(j).is_some_and(|x| x.end <= span.end);
    }
}

/// The span of document `doc` (empty when there is none).
pub(crate) fn doc_span(report: &Report, doc: usize) -> Span {
    report
        .documents
        .get(doc)
        .map_or(Span::new(0, 0), |d| d.span)
}

/// The sentence ends of document `doc`, relative to its start.
pub(crate) fn doc_sentence_ends(text: &str, report: &Report, doc: usize) -> Vec<usize> {
    let span = doc_span(report, doc);
    sentence_ends(text.get(span.start..span.end).unwrap_or(""))
}

/// A heading's marker and title.
pub(crate) fn heading_line(h: &crate::Heading) -> Span {
    let start = if h.marker.is_empty() {
        h.title.start
    } else {
        h.marker.start.min(h.title.start)
    };
    Span::new(start, h.title.end)
}

fn skip_blanks(text: &str, from: usize, limit: usize) -> usize {
    let Some(s) = text.get(from..limit.max(from)) else {
        return from;
    };
    from + (s.len() - s.trim_start_matches(is_blank).len())
}

fn is_blank_span(text: &str, s: Span) -> bool {
    s.slice(text).chars().all(is_blank)
}

fn trim_end_punct(text: &str, s: Span) -> Span {
    let t = s.slice(text);
    let kept = t.trim_end_matches(|c: char| is_blank(c) || c == '\n' || c == '\r');
    Span::new(s.start, s.start + kept.len())
}

/// Sorts and merges spans.
pub(crate) fn normalize(mut v: Vec<Span>) -> Vec<Span> {
    v.retain(|s| !s.is_empty());
    v.sort();
    let mut out: Vec<Span> = Vec::with_capacity(v.len());
    for s in v {
        match out.last_mut() {
            Some(l) if s.start <= l.end => l.end = l.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// `a` minus `b` (both sorted, disjoint).
pub(crate) fn subtract(a: &[Span], b: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut j = 0usize;
    for s in a {
        let mut cur = s.start;
        while j < b.len() && b[j].end <= cur {
            j += 1;
        }
        let mut k = j;
        while let Some(x) = b.get(k) {
            if x.start >= s.end {
                break;
            }
            if x.start > cur {
                out.push(Span::new(cur, x.start));
            }
            cur = cur.max(x.end);
            k += 1;
        }
        if cur < s.end {
            out.push(Span::new(cur, s.end));
        }
    }
    out
}

/// `a` ∩ `b` (both sorted, disjoint).
pub(crate) fn intersect(a: &[Span], b: &[Span]) -> Vec<Span> {
    let (mut i, mut j) = (0usize, 0usize);
    let mut out = Vec::new();
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        let s = x.start.max(y.start);
        let e = x.end.min(y.end);
        if s < e {
            out.push(Span::new(s, e));
        }
        if x.end < y.end {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles_of(text: &str) -> Vec<(String, Found, String)> {
        let r = crate::analyze_outline_and_stats(text);
        let rub = crate::Rubric::builtin("work-summary").unwrap();
        rub.find_roles(text, &r, 0)
            .into_iter()
            .map(|p| (p.role, p.found, p.anchor.slice(text).to_owned()))
            .collect()
    }

    fn has(v: &[(String, Found, String)], role: &str) -> bool {
        v.iter().any(|x| x.0 == role)
    }

    #[test]
    fn bare_admission_is_no_problem_part() {
        let v = roles_of("总结\n全年完成任务。虽然还存在很多不足之处，但我们有信心克服困难。\n");
        assert!(!has(&v, "problems"), "{v:?}");
        let v =
            roles_of("总结\n全年完成任务。但也存在一些不足，例如：制度落实不到位；学习不深入。\n");
        assert!(has(&v, "problems"), "{v:?}");
    }

    #[test]
    fn difficulty_as_reason_for_a_measure_is_no_problem_part() {
        let v = roles_of("总结\n一、加强帮扶\n为解决群众生活中的困难和问题，我们开展结对帮扶。\n");
        assert!(!has(&v, "problems"), "{v:?}");
    }

    #[test]
    fn passing_mention_is_no_plan() {
        let v = roles_of("总结\n一、主要工作\n开展读书活动，并把它做为明年的特色工作。\n");
        assert!(!has(&v, "plans"), "{v:?}");
        let v = roles_of(
            "总结\n一、主要工作\n开展读书活动。\n明年，我们的打算如下：\n一、扩大读书活动。\n",
        );
        assert!(has(&v, "plans"), "{v:?}");
    }

    #[test]
    fn problem_heading_with_plan_word_is_no_plan() {
        let v = roles_of("总结\n一、存在不足\n二、创新的思路不太宽，还需加强学习\n");
        assert!(has(&v, "problems") && !has(&v, "plans"), "{v:?}");
    }

    #[test]
    fn measure_words_inside_plans_belong_to_plans() {
        let v =
            roles_of("总结\n开展读书活动。\n明年的计划如下：\n一、完善考核制度\n二、加强学习\n");
        assert!(has(&v, "plans"), "{v:?}");
        assert!(
            !v.iter().any(|x| x.0 == "measures" && x.1 == Found::Heading),
            "{v:?}"
        );
    }

    #[test]
    fn target_lead_finds_plans_and_targets_are_no_achievements() {
        let text = "二、明年主要工作\n明年是关键之年。\n全区发展的主要预期目标是：地区生产总值增长5%左右，\
                    投资增长6%左右，居民收入增长4%左右。\n围绕上述目标，重点做好以下工作。\n";
        let v = roles_of(text);
        assert!(has(&v, "plans"), "{v:?}");
        assert!(!has(&v, "achievements"), "{v:?}");
    }

    #[test]
    fn stats_in_target_sentences_are_no_achievements() {
        // No plans part (no list follows), but each figure sits in a target sentence.
        let text = "社区工作总结\n力争全年新增就业岗位300个。确保绿化覆盖率达到45%。\
                    力争接待游客20万人次。\n";
        let v = roles_of(text);
        assert!(!has(&v, "achievements"), "{v:?}");
        // Reported results still count.
        let text = "社区工作总结\n全年新增就业岗位300个。绿化覆盖率达到45%。接待游客20万人次。\n";
        assert!(has(&roles_of(text), "achievements"));
    }

    #[test]
    fn english_plan_lead() {
        let v = roles_of("Report\nWe released 3 versions.\nBelow is the plan of the team for 2023:\n1. Fix bugs.\n");
        assert!(has(&v, "plans"), "{v:?}");
    }

    proptest::proptest! {
        /// The merge marks the spans the search per span finds.
        #[test]
        fn mark_hit_within_as_searched(
            hits in proptest::collection::vec((0usize..60, 1usize..8), 0..20),
            spans in proptest::collection::vec((0usize..60, 0usize..12), 0..12),
        ) {
            let mut hits: Vec<Span> = hits.into_iter().map(|(s, l)| Span::new(s, s + l)).collect();
            hits.sort();
            let spans: Vec<Span> = spans.into_iter().map(|(s, l)| Span::new(s, s + l)).collect();
            let mut out = vec![false; spans.len()];
            mark_hit_within(&hits, &spans, &mut out);
            let want: Vec<bool> = spans.iter().map(|&s| hit_within(&hits, s)).collect();
            proptest::prop_assert_eq!(out, want);
        }
    }

    #[test]
    fn span_set_ops() {
        let a = normalize(vec![Span::new(0, 10), Span::new(5, 12), Span::new(20, 30)]);
        assert_eq!(a, [Span::new(0, 12), Span::new(20, 30)]);
        let b = [Span::new(3, 4), Span::new(11, 22)];
        assert_eq!(
            subtract(&a, &b),
            [Span::new(0, 3), Span::new(4, 11), Span::new(22, 30)]
        );
        assert_eq!(
            intersect(&a, &b),
            [Span::new(3, 4), Span::new(11, 12), Span::new(20, 22)]
        );
    }
}

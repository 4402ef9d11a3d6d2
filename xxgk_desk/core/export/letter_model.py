"""The letter a department sends a university (审核意见), gathered into plain data before any layout.

Only what the reviewer confirmed goes in: their open notes (accepted findings become notes), grouped
by standard part, most serious first; the engine's undecided findings only when asked for
(``include_automatic``), marked 系统预审 in the annex. On request the letter carries a second annex,
审核规则说明: the rules behind its problems (not every rule: a school is told why the problems it must
fix matter, not the whole catalogue), from resources/rules/explanations.yaml. No file names, hashes, processing states,
scores or reviewer names: a letter names the report by its printed title and the school by its
official name. The wording is resources/rules/wording.yaml; the department's details are
:class:`LetterSettings` (stored with the review database).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from xxgk_desk.core.document import Document
from xxgk_desk.core.engine.model import Review
from xxgk_desk.core.outline import Section
from xxgk_desk.core.rules import RuleSet, load_rules
from xxgk_desk.core.rules.explanations import load_explanations

from .fmt import cn_date, one_line, shorten, text_width
from .letter_settings import LetterSettings
from .report_title import official_name, printed_title, school_year
from .review_items import Issue, collect_items
from .wording import wording

TITLE_WIDTH = 20.0  # characters of 二号 type on a GB/T 9704 line (156 mm)
QUOTE_LIMIT = 60  # characters of a quote in the body (the annex has up to 120)
ANNEX_QUOTE_LIMIT = 120
_NUMBERED = re.compile(r"^\s*(?:\d{1,2}\s*[.、．)）]|[（(]\d{1,2}[)）]|[一二三四五六七八九十]{1,3}、)\s*")
_GROUP_KEYS = {
    "_general": "letter.group_general",
    "_preamble": "letter.group_preamble",
    "_other": "letter.group_other",
}


@dataclass(frozen=True)
class LetterIssue:
    """One problem as the letter states it."""

    part: str
    part_name: str
    sentence: str  # the numbered sentence of the body (without its number)
    body: str  # the reviewer's words (or the finding's message)
    place: str  # 第3页, or the section's title when the file has no pages, or ""
    quote: str
    automatic: bool  # an engine finding the reviewer has not decided (系统预审)
    severity_rank: int
    severity: str = ""
    rule: str | None = None  # the rule behind it (an engine finding, or a note made from one)


@dataclass(frozen=True)
class RuleNote:
    """One rule of the appendix 审核规则说明, as explanations.yaml states it."""

    rule: str
    title: str  # the catalogue's title (数据合计不符)
    severity: str  # the most serious severity the letter's problems of this rule carry
    basis: tuple[str, ...]  # each document with its number and dates of validity
    article: str  # the article or requirement ("" none)
    why: str
    todo: str


@dataclass(frozen=True)
class LetterGroup:
    key: str
    title: str
    issues: tuple[LetterIssue, ...]


@dataclass(frozen=True)
class Letter:
    masthead: str  # 发文机关标志 ("" none)
    number: str  # 发文字号 ("" none)
    title: str
    title_lines: tuple[str, ...]
    addressee: str  # the school's official name followed by "："
    opening: str
    groups: tuple[LetterGroup, ...]
    requirements: tuple[str, ...]  # numbered (empty: ``no_requirements`` is said instead)
    no_requirements: str
    contact: str
    closing: str
    issuer: str
    date: str  # 成文日期, 2024年11月5日
    annex: bool
    institution: str
    report_title: str | None  # as printed, None when the file's top has no title line
    conclusion: str | None
    conclusion_label: str | None
    reviewed: bool  # the review database holds the reviewer's work on this report
    automatic_included: bool
    rule_notes: tuple[RuleNote, ...] = ()  # the appendix 审核规则说明 (empty: none)

    @property
    def issues(self) -> tuple[LetterIssue, ...]:
        return tuple(i for g in self.groups for i in g.issues)


def _sentence(body: str, place: str, page: int | None, section: str, quote: str) -> str:
    words = wording()
    body = body.strip()
    if not quote or one_line(quote) in one_line(body):
        return body
    core = body.rstrip("。；;.，, ")
    if page is not None:
        text = words.text("letter.issue_page", body=core, page=page, quote=quote)
    elif section:
        text = words.text("letter.issue_section", body=core, section=section, quote=quote)
    else:
        text = words.text("letter.issue_quote", body=core, quote=quote)
    return text if text.endswith(("。", "！", "？")) else text + "。"


def _letter_issue(issue: Issue) -> LetterIssue:
    section = (issue.section or "").rsplit(" > ", 1)[-1].strip()
    page = issue.page if issue.located else None
    place = f"第{page}页" if page is not None else section
    quote = shorten(issue.quote or "", QUOTE_LIMIT)
    body = issue.body.strip() or (issue.finding_message or "")
    return LetterIssue(
        part=issue.part or "_general",
        part_name=issue.part_name,
        sentence=_sentence(body, place, page, section if page is None else "", quote),
        body=body,
        place=place,
        quote=shorten(issue.quote or "", ANNEX_QUOTE_LIMIT),
        automatic=issue.origin != "note",
        severity_rank=issue.severity_rank,
        severity=issue.severity,
        rule=issue.rule,
    )


def _groups(issues: list[Issue], rules: RuleSet) -> tuple[LetterGroup, ...]:
    """By part; the part with the most serious problem first (then the outline's order)."""
    order = {"_general": -2, "_preamble": -1, "_other": 1000}
    for i, p in enumerate(rules.parts):
        order[p.key] = i
    buckets: dict[str, list[Issue]] = {}
    for issue in issues:
        buckets.setdefault(issue.part or "_general", []).append(issue)
    words = wording()
    groups = []
    for key, items in buckets.items():
        items.sort(key=lambda i: (-i.severity_rank, i.start is None, i.start or 0, i.created or ""))
        title = words.text(_GROUP_KEYS[key]) if key in _GROUP_KEYS else items[0].part_name
        groups.append(
            (
                -items[0].severity_rank,
                order.get(key, 999),
                LetterGroup(key, title, tuple(map(_letter_issue, items))),
            )
        )
    groups.sort(key=lambda g: (g[0], g[1]))
    return tuple(g for _, _, g in groups)


_BREAK_AFTER = re.compile(r"(?:学年度|学年|年度|\d年|》|、)(?=[^》）”，。、])")
_BREAK_BEFORE = re.compile(r"(?=信息公开)|(?=的审核意见)|(?=工作年度报告)")


def title_lines(title: str, names: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The title broken between phrases (after a school's name, a year, before 信息公开 …) into the
    fewest lines of at most one 二号 line each, as even as possible."""
    if text_width(title) <= TITLE_WIDTH:
        return (title,)
    cuts = {m.end() for m in _BREAK_AFTER.finditer(title)} | {
        m.start() for m in _BREAK_BEFORE.finditer(title)
    }
    for name in names:
        at = title.find(name) if name else -1
        if at >= 0:
            cuts.add(at + len(name))
    cuts = {c for c in cuts if 0 < c < len(title)}
    best: tuple[float, tuple[str, ...]] | None = None
    ordered = sorted(cuts)
    for a in ordered:
        lines: tuple[str, ...] = (title[:a], title[a:])
        if all(text_width(x) <= TITLE_WIDTH for x in lines):
            cost = abs(text_width(lines[0]) - text_width(lines[1]))
            if best is None or cost < best[0]:
                best = (cost, lines)
    if best is None:
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                lines = (title[:a], title[a:b], title[b:])
                if all(text_width(x) <= TITLE_WIDTH for x in lines):
                    widths = [text_width(x) for x in lines]
                    cost = max(widths) - min(widths)
                    if best is None or cost < best[0]:
                        best = (cost, lines)
    return best[1] if best else (title,)


def rule_notes(issues: tuple[LetterIssue, ...], rules: RuleSet) -> tuple[RuleNote, ...]:
    """The rules behind ``issues``, in the order the letter first names them, each with the most
    serious severity its problems carry; problems the reviewer wrote without a rule add none."""
    notes = load_explanations()
    worst: dict[str, LetterIssue] = {}
    for issue in issues:
        if issue.rule and issue.rule in notes:
            seen = worst.get(issue.rule)
            if seen is None or issue.severity_rank > seen.severity_rank:
                worst[issue.rule] = issue
    out = []
    for rid, issue in worst.items():
        ex = notes[rid]
        try:
            title = rules.rule(rid).title
        except KeyError:
            title = rid
        out.append(
            RuleNote(
                rule=rid,
                title=title,
                severity=issue.severity,
                basis=tuple(b.text(date_format=cn_date, exact_only=True) for b in ex.basis),
                article=ex.article,
                why=ex.why,
                todo=ex.todo,
            )
        )
    return tuple(out)


def _requirements(summary: str, settings: LetterSettings) -> list[str]:
    words = wording()
    standard = words.texts("letter.requirements", days=settings.deadline_days, we=settings.we)
    own = [_NUMBERED.sub("", line).strip() for line in summary.splitlines()]
    own = [line if line.endswith(("。", "！", "？", "；")) else line + "。" for line in own if line]
    return standard[:1] + own + standard[1:]


def _contact(settings: LetterSettings) -> str:
    words = wording()
    contact, phone = settings.contact.strip(), settings.phone.strip()
    if contact and phone:
        return words.text("letter.contact", contact=contact, phone=phone)
    if contact:
        return words.text("letter.contact_only", contact=contact)
    if phone:
        return words.text("letter.phone_only", phone=phone)
    return ""


def collect_letter(
    doc: Document,
    sections: tuple[Section, ...],
    review: Review,
    store: Any = None,
    *,
    settings: LetterSettings | None = None,
    include_automatic: bool = False,
    include_annex: bool = True,
    rules_appendix: bool | None = None,
    number: str | int | None = None,
    when: date | None = None,
    rules: RuleSet | None = None,
) -> Letter:
    """Gather the letter for one report (``store`` is only read; register the file first, e.g. with
    :func:`attach_document`). ``include_automatic`` adds the findings nobody decided (系统预审);
    ``number`` fills ``{no}`` of the 发文字号 pattern (a blank to fill by hand otherwise);
    ``rules_appendix`` (default: the settings' choice) appends 审核规则说明 for the rules behind the problems."""
    rules = rules or load_rules()
    settings = settings or LetterSettings()
    words = wording()
    items = collect_items(
        doc,
        sections,
        review,
        store,
        rules,
        only_open=True,
        include_dismissed=False,
        include_undecided=include_automatic,
        automatic_findings=include_automatic,
    )
    stored = items.stored
    values = {k: v.value for k, v in review.fields.items()}
    if stored:
        values.update({k: fv.value for k, fv in stored.fields.items() if fv.value is not None})
    written = one_line(str(values.get("institution") or ""))
    institution = official_name(written) or written
    year = school_year(review, values)
    printed = printed_title(doc, sections, rules)
    if printed:
        title = words.text("letter.title_quoted", report_title=printed)
        report = words.text("letter.report_quoted", report_title=printed)
    else:
        title = words.text("letter.title_named", institution=institution, year=year)
        report = words.text("letter.report_named", year=year)
    groups = _groups(list(items.issues), rules)
    state = stored.state if stored and not items.automatic else None
    conclusion = state.conclusion if state else None
    label = items.labels.conclusion.get(conclusion, conclusion) if conclusion else ""
    if conclusion in ("pass", "basic_pass", "resubmit"):
        judgement = words.text(f"letter.judgement.{conclusion}", conclusion=label)
    else:
        judgement = words.text("letter.judgement.none" if groups else "letter.judgement.none_clean")
    opening = words.text("letter.opening", we=settings.we, report=report, judgement=judgement)
    if groups:
        opening += words.text("letter.follow")
    summary = (state.summary or "").strip() if state else ""
    clean = not groups and conclusion in (None, "pass") and not summary
    day = when or date.today()
    if rules_appendix is None:
        rules_appendix = settings.rules_appendix
    explained = rule_notes(tuple(i for g in groups for i in g.issues), rules) if rules_appendix else ()
    return Letter(
        masthead=settings.masthead.strip(),
        number=settings.number(number, day),
        title=title,
        title_lines=title_lines(title, (institution, written, printed or "")),
        addressee=(institution or written) + "：",
        opening=opening,
        groups=groups,
        requirements=() if clean else tuple(_requirements(summary, settings)),
        no_requirements=words.text("letter.no_requirements"),
        contact=_contact(settings),
        closing=settings.closing_text,
        issuer=settings.issuer_text,
        date=cn_date(day),
        annex=include_annex and bool(groups),
        institution=institution,
        report_title=printed,
        conclusion=conclusion,
        conclusion_label=label or None,
        reviewed=not items.automatic,
        automatic_included=include_automatic,
        rule_notes=explained,
    )

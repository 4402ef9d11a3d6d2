"""Period and date rules: missing or contradictory period, calendar-year period, report date, lateness."""

from __future__ import annotations

import datetime as dt

from xxgk_desk.core.engine.findings.base import Facts, finding
from xxgk_desk.core.engine.model import Finding


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def check(facts: Facts) -> list[Finding]:
    ctx = facts.ctx
    f = facts.fields
    out: list[Finding] = []
    start, end = _date(f["period_start"].value), _date(f["period_end"].value)
    contradicts = False  # the stated period's year differs from the title's: lateness goes by the title
    report = _date(f["report_date"].value)
    title_year = f["title_year"].value
    pfield = f["period_start"]
    if start is None:
        out.append(finding(ctx, "period_missing"))
    else:
        period = " ".join((pfield.quote or "").split())
        ps, pe = pfield.start, pfield.end
        params = ctx.rules.rule("period_calendar_year").params
        cal_start = str(params.get("calendar_start", "01-01"))
        if start.strftime("%m-%d") == cal_start:
            out.append(finding(ctx, "period_calendar_year", "default", ps, pe, period=period))
        months = ((end - start).days + 1) / 30.44 if end else 0
        max_months = float(ctx.rules.rule("period_mismatch").params.get("max_months", 12))
        if months > max_months + 0.3:
            out.append(
                finding(ctx, "period_mismatch", "too_long", ps, pe, period=period, months=round(months))
            )
        elif (
            end
            and start.month == 9
            and start.day == 1
            and (end.month, end.day) > (8, 31)
            and end.year == start.year + 1
        ):
            out.append(finding(ctx, "period_mismatch", "overlap", ps, pe, period=period))
        elif title_year and end and title_year not in (start.year, end.year):
            contradicts = True
            out.append(finding(ctx, "period_mismatch", "year", ps, pe, period=period, title_year=title_year))
        if end and report and end > report:
            out.append(finding(ctx, "period_mismatch", "after_date", ps, pe, period=period, period_end=end.isoformat(),
                               date=report.isoformat()))  # fmt: skip
    if report is None:
        out.append(finding(ctx, "report_date_missing"))
    # publication is what the rule asks for: a web page's 发布时间, when there is one, is judged, not the 落款
    published = _date(f["publication_date"].value) if "publication_date" in f else None
    judged = published or report
    if judged is not None and not facts.gov_template:
        deadline_year = title_year if (contradicts or not end) and title_year else (end.year if end else None)
        params = ctx.rules.rule("late_report").params
        if deadline_year:
            deadline = dt.date(
                deadline_year, int(params.get("deadline_month", 10)), int(params.get("deadline_day", 31))
            )
            if judged > deadline:
                variant = "published" if published else "default"
                rf = f["publication_date" if published else "report_date"]
                signed = f"，落款日期为{report.isoformat()}" if published and report else ""
                out.append(finding(ctx, "late_report", variant, rf.start, rf.end, date=judged.isoformat(),
                                   deadline=deadline.isoformat(), signed=signed))  # fmt: skip
    return out

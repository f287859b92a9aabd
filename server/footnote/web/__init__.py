"""The educators' pages: paste-and-explain at /, a printable worksheet, the rule catalogue.

Server-rendered HTML plus one small script; everything is served by the app itself. The
page calls the public API like any other client. Nothing submitted is stored or logged.
"""

from __future__ import annotations

import re
import time
import tomllib
from datetime import date
from functools import cache
from importlib import resources

from flask import Blueprint, abort, current_app, render_template, request
from markupsafe import Markup, escape
from werkzeug.exceptions import RequestEntityTooLarge

from ..engine import OutOfTime, analyze, paragraph_spans, parse_date, to_dict
from ..engine.catalogue import CATEGORIES, load_rules
from . import theme
from .theme import CATEGORY_HELP, CATEGORY_LABELS, CATEGORY_LETTERS
from .worksheet import build_worksheet, web_address

bp = Blueprint(
    "web",
    __name__,
    template_folder="templates",
    static_folder="static",
    static_url_path="/assets",
)

# No inline script or style anywhere, so the policy can forbid both.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


@bp.after_request
def _security_headers(response):
    response.headers["Content-Security-Policy"] = CSP
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    if request.endpoint == "web.worksheet":
        response.headers["Cache-Control"] = "no-store"  # it holds someone's text
    return response


@bp.errorhandler(429)
def _too_many(exc):
    """The rate limit on the worksheet form: a page a person can read, not the API's JSON."""
    response = _worksheet_error(
        429,
        "Too many worksheets from this address in a short time (the limit is "
        f"{exc.description}). Wait a minute, then go back and try again.",
    )
    retry = exc.get_response().headers.get("Retry-After")
    if retry:
        response = (*response, {"Retry-After": retry})
    return response


@bp.app_template_filter("placeholders")
def _placeholders(text: str) -> Markup:
    """A rule template for people: '{mention}' shows as an italic ‹mention›."""
    return Markup(re.sub(r"\{(\w+)\}", r"<var>\1</var>", str(escape(text))))


@bp.app_template_filter("toc_title")
def _toc_title(text: str) -> str:
    """A rule's title for a list: placeholders become an ellipsis ("Background: …")."""
    return re.sub(r"'?\{\w+\}'?", "…", text)


@bp.app_template_global()
def category_label(category: str) -> str:
    return CATEGORY_LABELS.get(category, category)


@bp.app_template_global()
def category_letter(category: str) -> str:
    return CATEGORY_LETTERS.get(category, "?")


@bp.app_template_global()
def category_help(category: str) -> str:
    return CATEGORY_HELP.get(category, "")


bp.add_app_template_global(theme.kind_label, "kind_label")
bp.add_app_template_global(theme.anonymity_reason, "anonymity_reason")
bp.add_app_template_global(theme.plain_tone, "plain_tone")


@cache
def load_examples() -> dict[str, dict]:
    """The example texts shipped in the package (footnote/examples/*.toml), by slug."""
    folder = resources.files("footnote") / "examples"
    examples = {}
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".toml"):
            data = tomllib.loads(entry.read_text(encoding="utf-8"))
            slug = re.sub(r"^\d+-", "", entry.name.removesuffix(".toml"))
            examples[slug] = {
                "slug": slug,
                "label": data["label"],
                "title": data["title"],
                "published": data["published"],
                "url": data.get("url"),
                "text": data["text"].strip() + "\n",
            }
    return examples


@bp.get("/")
def index():
    return render_template(
        "index.html",
        examples=load_examples().values(),
        categories=CATEGORIES,
        max_chars=current_app.config["MAX_TEXT_CHARS"],
        rate_limit=current_app.config.get("RATE_LIMIT", "")
        if current_app.config.get("RATELIMIT_ENABLED", True)
        else "",
    )


@bp.get("/examples/<slug>.json")
def example(slug: str):
    found = load_examples().get(slug)
    if found is None:
        abort(404, description="There is no example with that name.")
    return found


def _too_long(limit: int, length: int | None = None) -> str:
    has = f" and this one has {length:,}" if length else ""
    return (
        f"The text is too long: Footnote reads up to {limit:,} characters{has}. Go back, keep "
        "a shorter part (for example the first few paragraphs) and make the worksheet again."
    )


def _worksheet_error(status: int, message: str | None):
    return (
        render_template("worksheet_error.html", message=message, examples=load_examples().values()),
        status,
    )


# The most paragraphs a worksheet numbers and prints. A long printed report has a few
# hundred; a 200,000-character text hard-wrapped at 40 characters or more (each line its own
# paragraph when there are no blank lines) stays under it. 200,000 characters of one-letter
# paragraphs made 6.5 MB of HTML in several seconds.
WORKSHEET_MAX_PARAGRAPHS = 5_000


@bp.route("/worksheet", methods=["GET", "POST"])
def worksheet():
    limit = current_app.config["MAX_TEXT_CHARS"]
    if request.method == "GET":
        slug = request.args.get("example")
        if slug is None:
            return _worksheet_error(200, None)
        found = load_examples().get(slug)
        if found is None:
            return _worksheet_error(404, "There is no example with that name.")
        text, title, published = found["text"], found["title"], found["published"]
        url = found.get("url")
    else:
        # Text up to the limit, even four bytes a character, is allowed as a form field.
        request.max_form_memory_size = current_app.config["MAX_CONTENT_LENGTH"]
        try:
            form = request.form
        except RequestEntityTooLarge:
            return _worksheet_error(413, _too_long(limit))
        # Browsers send a textarea's line breaks as CRLF; the page's script sends LF.
        text = form.get("text", "").replace("\r\n", "\n")
        title = form.get("title", "").strip() or None
        published = form.get("published", "").strip() or None
        url = form.get("url", "").strip() or None
    if not text.strip():
        return _worksheet_error(
            422, "The text box was empty. Go back, paste the text of an article, and try again."
        )
    if len(text) > limit:
        return _worksheet_error(413, _too_long(limit, len(text)))
    if published:
        try:
            parse_date(published)
        except ValueError:
            return _worksheet_error(
                422,
                "The date must be written as YYYY-MM-DD, for example 2025-01-31, or left empty.",
            )
    if url and (len(url) > 2048 or not web_address(url)):
        return _worksheet_error(
            422,
            "The web address must start with http:// or https:// (copy it from the browser's "
            "address bar), or be left empty.",
        )
    count = len(paragraph_spans(text))
    if count > WORKSHEET_MAX_PARAGRAPHS:
        return _worksheet_error(
            413,
            f"This text has {count:,} paragraphs (or lines); a worksheet prints at most "
            f"{WORKSHEET_MAX_PARAGRAPHS:,}. Go back, keep a shorter part and try again.",
        )
    budget = current_app.config["TIME_BUDGET"]
    try:
        # the reader's date, as the API passes it: notes on what changed since publication
        analysis = analyze(
            text,
            published=published,
            title=title,
            url=url,
            as_of=date.today(),
            clock=time.monotonic,
            budget=budget,
        )
    except OutOfTime:
        return _worksheet_error(
            503,
            f"Working through this text took longer than this server allows ({budget:g} "
            "seconds), so it was stopped. Try again in a moment, or with a shorter text.",
        )
    result = to_dict(analysis)
    sheet = build_worksheet(text, result, title=title, published=published, url=url)
    return render_template("worksheet.html", sheet=sheet, categories=CATEGORIES)


@bp.get("/rules")
def rules():
    by_category = {c: [] for c in CATEGORIES}
    for rule in load_rules().values():
        by_category[rule.category].append(rule)
    for group in by_category.values():
        group.sort(key=lambda r: r.id)
    return render_template("rules.html", by_category=by_category)

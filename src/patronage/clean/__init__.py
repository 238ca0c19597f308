"""The clean stage: HTML to text, boilerplate removal, normalisation."""

from __future__ import annotations

from patronage.clean.html import html_to_text
from patronage.clean.text import cap_title, clean_text, normalise
from patronage.errors import InputError
from patronage.ingest.ids import content_hash
from patronage.model.records import Article, CleanArticle

__all__ = ["clean_article", "clean_text", "html_to_text", "normalise"]


def clean_article(article: Article, max_chars: int = 0) -> tuple[CleanArticle, list[str]]:
    """Clean one article; returns it with a list of warnings (e.g. truncation).

    Raises :class:`InputError` when nothing of the article is left.
    """
    warnings: list[str] = []
    title = article.title
    if article.html is not None and article.text is None:
        html_title, body = html_to_text(article.html, article.origin or article.doc_id)
        title = title or html_title
    else:
        body = article.text or ""
    title, text, removed = clean_text(title, body)
    if not text.strip():
        raise InputError("no text left after cleaning", source=article.origin or article.doc_id)
    short = cap_title(title)
    if short != title:
        warnings.append(f"title of {len(title)} characters cut to {len(short)}")
        if text.startswith(f"{title}\n\n"):  # the title heads a body: only its cut form does
            text = short + text[len(title) :]
        title = short  # a title that is all the text there is stays whole in the text
    if max_chars and len(text) > max_chars:
        cut = text.rfind("\n\n", 0, max_chars)
        cut = cut if cut > max_chars // 2 else max_chars
        warnings.append(f"article of {len(text)} characters cut to {cut}")
        text = text[:cut].rstrip()
    digest = content_hash(text, article.date)
    kept = (article.date, article.url, article.source, article.origin)
    return CleanArticle(article.doc_id, title, text, *kept, digest, tuple(removed)), warnings

"""Passphrase suggestions (a few easy words) and a plain strength hint.

Families remember words better than symbols, and better in their own language. Each list
holds at least 200 common, concrete words with plain ASCII spelling; four of them give at
least 30 bits, which with the vault's memory-hard key derivation (~0.6 s per guess) is far
beyond guessing for a stolen file, yet easy to write down or remember.
"""

from __future__ import annotations

import secrets
import unicodedata
from functools import lru_cache
from pathlib import Path

from preparedness.i18n import N_

WORDS_DIR = Path(__file__).resolve().parents[2] / "resources" / "words"
MIN_WORDS = 200  # a list shorter than this gives too few bits with four words


@lru_cache(maxsize=16)
def word_list(lang: str = "en") -> tuple[str, ...]:
    """The language's easy words (``resources/words/<lang>.txt``), or English.

    Lists hold only plain ASCII words, so a family can type them on any keyboard. Languages
    whose words need another keyboard (Arabic, Karen, Amharic, Chinese) use English.
    """
    for code in (lang, "en"):
        path = WORDS_DIR / f"{code}.txt"
        if not path.exists():
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        words = tuple(
            dict.fromkeys(
                w.strip()
                for w in lines
                if w.strip()
                and not w.startswith("#")
                and w.strip().isascii()
                and w.strip().isalpha()
            )
        )
        if len(words) >= MIN_WORDS:
            return words
    raise FileNotFoundError("resources/words/en.txt is missing")


WEAK = N_("Too short. Use at least 4 words, or 12 letters.")
FAIR = N_("Good. A longer passphrase is even safer.")
STRONG = N_("Strong.")
MISMATCH = N_("The two passphrases are not the same.")
# The two controls beside every passphrase field (save page, new-passphrase screen, dialog).
SHOW = N_("Show the passphrase")
SUGGEST = N_("Suggest a passphrase")
EMPTY = N_("Choose a passphrase.")


def suggest(words: int = 4, lang: str = "en") -> str:
    """A passphrase of easy words in the family's language where we have a list."""
    choices = word_list(lang)
    return " ".join(secrets.choice(choices) for _ in range(words))


def normalized(passphrase: str) -> str:
    """The vault normalises to NFC too; do the same for our checks."""
    return unicodedata.normalize("NFC", passphrase)


def strength(passphrase: str) -> str:
    """A plain hint (a message id), not a score: families need a word, not a number."""
    text = normalized(passphrase).strip()
    if not text:
        return EMPTY
    words = len(text.split())
    if len(text) < 12 and words < 4:
        return WEAK
    if len(text) >= 20 or words >= 4:
        return STRONG
    return FAIR

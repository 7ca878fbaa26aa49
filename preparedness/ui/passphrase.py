"""Passphrase suggestions (a few easy words) and a plain strength hint.

Families remember words better than symbols. The list is small, common, concrete English
words with plain spelling; four of them give about 32 bits, which with the vault's
memory-hard key derivation (~0.5 s per guess) is far beyond guessing for a stolen file,
yet easy to write on the recovery sheet or remember. Per-language lists are a later step.
"""

from __future__ import annotations

import secrets
import unicodedata

from preparedness.i18n import N_

_WORD_TEXT = """
    apple arm baby bag ball band bank barn basket bath beach bean bear bed bee bell belt
    bench berry bike bird boat body bone book boot bottle bowl box bread brick bridge brush
    bucket bus butter button cake camera candle cap car card carpet cart cat chair chalk
    cheese cherry chicken circle city clock cloud coat coffee coin comb corn cow crab crayon
    cream cup curtain desk dog doll door dragon dress drum duck eagle earth egg elephant
    engine eye face farm feather fence field finger fire fish flag flower fly foot forest
    fork fox frog fruit garden gate gift glass glove goat gold grape grass green guitar hair
    hammer hand hat heart hill honey horse house ice island jacket jam jar juice kettle key
    king kite kitten knee ladder lake lamp leaf lemon letter lion lock map market milk
    mirror money monkey moon morning mountain mouse mouth music nail nest net night nose
    ocean orange owl paint pan paper park pear pen pencil pepper piano picture pig pillow
    pizza plane plant plate pocket pond potato queen rabbit radio rain rainbow ring river
    road robot rock roof room rope rose salt sand school sea seed sheep shell ship shirt
    shoe sky snow soap sock sofa song spoon star stone storm street sugar summer sun swan
    table tail tea teeth tent tiger toast tomato tooth towel town toy train tree truck
    turtle umbrella valley van violin wagon wall watch water wave whale wheel window wing
    winter wolf wood yard yellow zebra blue red purple silver brown pink happy quiet sunny
    little big warm soft fast slow tall brave kind funny gentle lucky
"""
WORDS: tuple[str, ...] = tuple(_WORD_TEXT.split())

WEAK = N_("Too short. Use at least 4 words, or 12 letters.")
FAIR = N_("Good. A longer passphrase is even safer.")
STRONG = N_("Strong.")
MISMATCH = N_("The two passphrases are not the same.")
EMPTY = N_("Choose a passphrase.")


def suggest(words: int = 4) -> str:
    """A passphrase of easy words separated by spaces."""
    return " ".join(secrets.choice(WORDS) for _ in range(words))


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

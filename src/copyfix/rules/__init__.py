"""The built-in rules, one module each."""

from __future__ import annotations

from copyfix.rules.base import Rule


def builtin_rules() -> list[Rule]:
    from copyfix.rules.doubled_punctuation import DoubledPunctuation
    from copyfix.rules.duplicated_paragraph_line_or_sentence import (
        DuplicatedParagraphLineOrSentence,
    )
    from copyfix.rules.inconsistent_apostrophes import InconsistentApostrophes
    from copyfix.rules.inconsistent_label_case import InconsistentLabelCase
    from copyfix.rules.inconsistent_name_case import InconsistentNameCase
    from copyfix.rules.lowercase_sentence_start import LowercaseSentenceStart
    from copyfix.rules.missing_space_after_comma import MissingSpaceAfterComma
    from copyfix.rules.missing_space_after_punctuation import MissingSpaceAfterPunctuation
    from copyfix.rules.missing_space_around_quote import MissingSpaceAroundQuote
    from copyfix.rules.multiple_spaces import MultipleSpaces
    from copyfix.rules.repeated_phrase import RepeatedPhrase
    from copyfix.rules.repeated_word import RepeatedWord
    from copyfix.rules.space_around_symbol import SpaceAroundSymbol
    from copyfix.rules.space_before_punctuation import SpaceBeforePunctuation
    from copyfix.rules.space_inside_brackets import SpaceInsideBrackets
    from copyfix.rules.spaced_abbreviation import SpacedAbbreviation
    from copyfix.rules.trailing_whitespace import TrailingWhitespace
    from copyfix.rules.unbalanced_brackets import UnbalancedBrackets
    from copyfix.rules.unbalanced_quotes import UnbalancedQuotes
    from copyfix.rules.unused_suppression import UnusedSuppression
    from copyfix.rules.wrong_apostrophe import WrongApostrophe
    from copyfix.rules.wrong_direction_quote import WrongDirectionQuote

    return [
        MissingSpaceAfterComma(),
        MissingSpaceAfterPunctuation(),
        SpaceBeforePunctuation(),
        MultipleSpaces(),
        TrailingWhitespace(),
        MissingSpaceAroundQuote(),
        LowercaseSentenceStart(),
        InconsistentNameCase(),
        InconsistentLabelCase(),
        RepeatedWord(),
        DuplicatedParagraphLineOrSentence(),
        RepeatedPhrase(),
        WrongDirectionQuote(),
        UnbalancedQuotes(),
        UnbalancedBrackets(),
        WrongApostrophe(),
        InconsistentApostrophes(),
        DoubledPunctuation(),
        SpaceInsideBrackets(),
        SpacedAbbreviation(),
        SpaceAroundSymbol(),
        UnusedSuppression(),
    ]


__all__ = ["Rule", "builtin_rules"]

"""The command line: the model, vault and packet of the wizard, for liaisons, batch work, tests.

Passphrases never appear on the command line (they would land in shell history and process
lists): they come from a file's first line, ``PREPAREDNESS_PASSPHRASE``, or a prompt.
Errors are one plain line on stderr with a documented exit code; never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from preparedness.files import write_private_file

EXIT_OK = 0
EXIT_OTHER = 1
EXIT_USAGE = 2
EXIT_WRONG_PASSPHRASE = 3
EXIT_DAMAGED = 4
EXIT_NEWER = 5

EXIT_CODES_HELP = """exit codes:
  0  ok
  1  anything else (for example the disk is full or a file cannot be written)
  2  usage error
  3  wrong passphrase, or the file was altered
  4  not a plan file, or the file is damaged
  5  the file was made by a newer version of the app
"""

DEMO_PASSPHRASE = "demo family plan"
PASSPHRASE_ENV = "PREPAREDNESS_PASSPHRASE"


class CliError(Exception):
    """A failure to report as one line with an exit code."""

    def __init__(self, message: str, code: int = EXIT_OTHER) -> None:
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"{self.prog}: {message} (see --help)\n")
        raise SystemExit(EXIT_USAGE)


# ---------------------------------------------------------------------------- passphrases


def _first_line(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as handle:
            line = handle.readline()
    except OSError as exc:
        raise CliError(f"cannot read the passphrase file: {exc.strerror}", EXIT_USAGE) from exc
    line = line.rstrip("\r\n")
    if not line:
        raise CliError("the passphrase file is empty", EXIT_USAGE)
    return line


def _passphrase(args: argparse.Namespace, prompt: str = "Passphrase: ") -> str:
    if getattr(args, "passphrase_file", None):
        return _first_line(args.passphrase_file)
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    if not sys.stdin.isatty():
        raise CliError(f"no passphrase: use --passphrase-file or {PASSPHRASE_ENV}", EXIT_USAGE)
    return getpass.getpass(prompt)


def _new_passphrase(args: argparse.Namespace) -> str:
    if getattr(args, "new_passphrase_file", None):
        return _first_line(args.new_passphrase_file)
    if not sys.stdin.isatty():
        raise CliError("no new passphrase: use --new-passphrase-file", EXIT_USAGE)
    first = getpass.getpass("New passphrase: ")
    if first != getpass.getpass("Type it again: "):
        raise CliError("the two passphrases are different", EXIT_USAGE)
    return first


# ---------------------------------------------------------------------------- errors


def _vault_error(exc: Exception) -> CliError:
    """Map vault and model errors to the documented exit codes."""
    from preparedness import vault
    from preparedness.model import PlanFormatError

    message = getattr(exc, "default_message", str(exc))
    if isinstance(exc, vault.WrongPassphrase):
        return CliError(message, EXIT_WRONG_PASSPHRASE)
    if isinstance(exc, vault.NewerVersion):
        return CliError(message, EXIT_NEWER)
    if isinstance(exc, vault.NotAPlanFile | vault.Damaged | vault.ContentsDamaged):
        return CliError(message, EXIT_DAMAGED)
    if isinstance(exc, PlanFormatError):
        code = EXIT_NEWER if exc.message_id == "plan.newer_schema" else EXIT_DAMAGED
        return CliError(message, code)
    return CliError(message, EXIT_OTHER)


def _open(path: str, args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """Open and decrypt a plan file; returns (plan_file, payload, plan)."""
    from preparedness import vault
    from preparedness.model import PlanFormatError, plan_from_json

    if not Path(path).is_file():
        raise CliError(f"no such file: {path}", EXIT_USAGE)
    secret = _passphrase(args)
    try:
        plan_file, payload = vault.PlanFile.open(Path(path), secret)
        plan = plan_from_json(payload.plan_json)
    except (vault.VaultError, PlanFormatError) as exc:
        raise _vault_error(exc) from None
    return plan_file, payload, plan


def _write_output(path: str, data: bytes) -> None:
    try:
        write_private_file(Path(path), data)
    except OSError as exc:
        raise CliError(f"cannot write {path}: {exc.strerror}") from exc


# ---------------------------------------------------------------------------- commands


def wants_app(argv: Sequence[str]) -> bool:
    """No arguments, or options only (``--community``, Qt's ``-platform``…): open the app."""
    return not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help"))


def run_app(argv: Sequence[str]) -> int:
    """Qt is imported only here, so the commands run on a machine without Qt's libraries."""
    from preparedness.app import main as app_main

    return app_main(list(argv))


def cmd_demo(args: argparse.Namespace) -> int:
    from preparedness import vault
    from preparedness.model import plan_to_json
    from preparedness.model.demo import demo_plan
    from preparedness.packet import Copy, render_packet

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    plan = demo_plan(args.lang)
    passphrase = _first_line(args.passphrase_file) if args.passphrase_file else DEMO_PASSPHRASE
    payload = vault.Payload(plan_json=plan_to_json(plan).encode(), attachments={})
    plan_path = out / "demo-plan.fpp"
    try:
        vault.PlanFile.create(plan_path, payload, passphrase, overwrite=True)
    except vault.VaultError as exc:
        raise _vault_error(exc) from None
    print(f"wrote {plan_path} (passphrase: {passphrase!r})")
    packet_path = out / "demo-packet.pdf"
    pdf = render_packet(
        plan, args.lang, Copy.FAMILY, page_size=args.page_size, attachments=payload.attachments
    )
    _write_output(str(packet_path), pdf)
    print(f"wrote {packet_path} (not encrypted)")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from preparedness import vault
    from preparedness.model import PlanFormatError, plan_from_json, plan_to_json

    try:
        data = Path(args.plan_json).read_bytes()
    except OSError as exc:
        raise CliError(f"cannot read {args.plan_json}: {exc.strerror}", EXIT_USAGE) from exc
    try:
        plan = plan_from_json(data)
    except PlanFormatError as exc:
        raise _vault_error(exc) from None
    if Path(args.out).exists() and not args.force:
        raise CliError(f"{args.out} exists already (use --force to replace it)", EXIT_USAGE)
    passphrase = (
        _first_line(args.new_passphrase_file) if args.new_passphrase_file else _passphrase(args)
    )
    payload = vault.Payload(plan_json=plan_to_json(plan).encode(), attachments={})
    try:
        vault.PlanFile.create(Path(args.out), payload, passphrase, overwrite=args.force)
    except vault.VaultError as exc:
        raise _vault_error(exc) from None
    print(f"wrote {args.out}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from preparedness.model import plan_to_json

    _plan_file, payload, plan = _open(args.file, args)
    _write_output(args.out, plan_to_json(plan).encode())
    print(f"warning: {args.out} is NOT encrypted. Delete it when you are done.", file=sys.stderr)
    if payload.attachments:
        print(
            f"note: {len(payload.attachments)} scanned copies stay in the plan file only.",
            file=sys.stderr,
        )
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from preparedness.model import Severity, validate

    _plan_file, payload, plan = _open(args.file, args)
    problems = validate(plan)
    errors = sum(p.severity is Severity.ERROR for p in problems)
    nudges = len(problems) - errors
    review = plan.review_by.isoformat() if plan.review_by else "not set"
    print(
        f"ok: {len(plan.household.adults)} adults, {len(plan.children)} children, "
        f"{len(plan.contacts)} contacts, {len(plan.documents)} documents, "
        f"{len(payload.attachments)} attachments; {errors} problems, {nudges} suggestions; "
        f"review by {review}"
    )
    return EXIT_OK


def cmd_passwd(args: argparse.Namespace) -> int:
    from preparedness import vault

    plan_file, payload, _plan = _open(args.file, args)
    new = _new_passphrase(args)
    recovery: object
    if args.add_recovery_code:
        recovery = vault.generate_recovery_code()
    elif args.remove_recovery_code:
        recovery = None
    else:
        recovery = vault.KEEP
    try:
        plan_file.change_passphrase(new, payload, recovery_code=recovery)
    except vault.VaultError as exc:
        raise _vault_error(exc) from None
    print("passphrase changed")
    if isinstance(recovery, str):
        print(f"recovery code (print it and keep it with the packet): {recovery}")
    elif recovery is None:
        print("recovery code removed")
    return EXIT_OK


def cmd_packet(args: argparse.Namespace) -> int:
    from preparedness.packet import Copy, render_packet

    _plan_file, payload, plan = _open(args.file, args)
    lang = args.lang or plan.languages.family_language
    # The blobs go in for the appendix of document copies (PDF pages in the worker process).
    pdf = render_packet(
        plan, lang, Copy(args.copy), page_size=args.page_size, attachments=payload.attachments
    )
    _write_output(args.out, pdf)
    print(f"wrote {args.out} (not encrypted: keep it safe, shred it when it is old)")
    return EXIT_OK


def _save(plan_file, payload, plan, blobs: dict[str, bytes]) -> None:  # type: ignore[no-untyped-def]
    from preparedness import vault
    from preparedness.documents.copies import referenced_blobs
    from preparedness.model import plan_to_json

    new_payload = vault.Payload(
        plan_json=plan_to_json(plan).encode(),
        attachments=referenced_blobs(plan, blobs),
        clear_metadata=payload.clear_metadata,
    )
    try:
        plan_file.save(new_payload)
    except vault.VaultError as exc:
        raise _vault_error(exc) from None


def cmd_attach(args: argparse.Namespace) -> int:
    from preparedness import documents
    from preparedness.documents.copies import UnknownDocument, add_pages

    plan_file, payload, plan = _open(args.file, args)
    blobs = dict(payload.attachments)
    try:
        pages = documents.import_file(Path(args.scan), keep_original=args.keep_original)
        add_pages(plan, blobs, args.document, pages)
    except UnknownDocument:
        raise CliError(f"no document with id {args.document} (see: export)", EXIT_USAGE) from None
    except documents.DocumentImportError as exc:
        raise CliError(exc.default_message) from None
    _save(plan_file, payload, plan, blobs)
    print(f"attached {len(pages)} page(s)")
    return EXIT_OK


def cmd_detach(args: argparse.Namespace) -> int:
    from preparedness.documents.copies import UnknownDocument, remove_all_pages, remove_page

    plan_file, payload, plan = _open(args.file, args)
    blobs = dict(payload.attachments)
    try:
        if args.page is None:
            count = remove_all_pages(plan, blobs, args.document)
        else:
            remove_page(plan, blobs, args.document, args.page - 1)
            count = 1
    except UnknownDocument:
        raise CliError(f"no document with id {args.document} (see: export)", EXIT_USAGE) from None
    except IndexError:
        raise CliError(f"that document has no page {args.page}", EXIT_USAGE) from None
    _save(plan_file, payload, plan, blobs)
    print(f"removed {count} page(s)")
    return EXIT_OK


# ---------------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    from preparedness.languages import language_codes

    parser = _Parser(
        prog="preparedness",
        description="Family Preparedness Plan. With no command, opens the app.",
        epilog=EXIT_CODES_HELP
        + f"\npassphrases: --passphrase-file FILE (first line), ${PASSPHRASE_ENV}, or a prompt.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    def with_passphrase(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--passphrase-file", metavar="F", help="read the passphrase from F")
        return p

    # Listed for --help; main() hands "app" and its options to the app before parsing.
    sub.add_parser("app", help="open the app (the default; --community on a shared laptop)")

    langs = language_codes()
    p = sub.add_parser("demo", help="write DIR/demo-plan.fpp and DIR/demo-packet.pdf")
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--lang", default="es", choices=langs)
    p.add_argument("--page-size", default="letter", choices=("letter", "a4"))
    with_passphrase(p)
    p.set_defaults(func=cmd_demo)

    p = with_passphrase(sub.add_parser("import", help="encrypt a JSON plan"))
    p.add_argument("plan_json", metavar="PLAN.json")
    p.add_argument("--out", required=True, metavar="FILE.fpp")
    p.add_argument("--new-passphrase-file", metavar="F")
    p.add_argument("--force", action="store_true", help="replace an existing plan file")
    p.set_defaults(func=cmd_import)

    p = with_passphrase(sub.add_parser("export", help="decrypt to JSON (NOT encrypted)"))
    p.add_argument("file", metavar="FILE.fpp")
    p.add_argument("--out", required=True, metavar="PLAN.json")
    p.set_defaults(func=cmd_export)

    p = with_passphrase(sub.add_parser("check", help="open, verify and validate a plan file"))
    p.add_argument("file", metavar="FILE.fpp")
    p.set_defaults(func=cmd_check)

    p = with_passphrase(sub.add_parser("passwd", help="change the passphrase"))
    p.add_argument("file", metavar="FILE.fpp")
    p.add_argument("--new-passphrase-file", metavar="F")
    group = p.add_mutually_exclusive_group()
    group.add_argument(
        "--add-recovery-code",
        action="store_true",
        help="make a new recovery code (replaces any old one)",
    )
    group.add_argument("--remove-recovery-code", action="store_true")
    p.set_defaults(func=cmd_passwd)

    p = with_passphrase(sub.add_parser("attach", help="keep a scanned copy inside the plan"))
    p.add_argument("file", metavar="FILE.fpp")
    p.add_argument("--document", required=True, metavar="ID", help="the checklist item's id")
    p.add_argument(
        "--file",
        dest="scan",
        required=True,
        metavar="SCAN",
        help="a JPEG, PNG, GIF, WebP, TIFF or PDF",
    )
    p.add_argument(
        "--keep-original",
        action="store_true",
        help="keep full resolution (metadata is removed all the same)",
    )
    p.set_defaults(func=cmd_attach)

    p = with_passphrase(sub.add_parser("detach", help="remove a scanned copy from the plan"))
    p.add_argument("file", metavar="FILE.fpp")
    p.add_argument("--document", required=True, metavar="ID")
    p.add_argument("--page", type=int, metavar="N", help="only page N (from 1); default: all")
    p.set_defaults(func=cmd_detach)

    p = with_passphrase(sub.add_parser("packet", help="print the packet to a PDF"))
    p.add_argument("file", metavar="FILE.fpp")
    p.add_argument("--lang", choices=langs, help="default: the family's language")
    p.add_argument("--copy", default="family", choices=("family", "caregiver", "school"))
    p.add_argument("--page-size", default="letter", choices=("letter", "a4"))
    p.add_argument("--out", required=True, metavar="PACKET.pdf")
    p.set_defaults(func=cmd_packet)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if wants_app(argv):
        return run_app(argv)
    if argv[0] == "app":
        return run_app(argv[1:])
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except CliError as exc:
        sys.stderr.write(f"preparedness: {exc}\n")
        return exc.code
    except KeyboardInterrupt:
        sys.stderr.write("preparedness: stopped\n")
        return EXIT_OTHER
    except Exception as exc:  # a person must never see a traceback
        if os.environ.get("PREPAREDNESS_DEBUG"):
            raise
        sys.stderr.write(f"preparedness: unexpected error ({type(exc).__name__})\n")
        return EXIT_OTHER


if __name__ == "__main__":
    sys.exit(main())

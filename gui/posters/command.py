"""``python main.py posters``: the studio's output without a window, for scripts and batches."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from gui import messages
from gui.posters.render import PosterJob, PosterOutputError, write_pdf, write_png
from models.commands import EXIT_FAILED
from models.errors import ProfileError, ZhangguiError
from models.images import PictureCache
from models.profile import Profile, default_profile_folder
from models.services.posters import (
    PosterSubject,
    manager_subject,
    product_subjects,
    record_prints,
    sale_event_subject,
    shop_subject,
)

FORMATS = (".pdf", ".png")


def run_posters(args: argparse.Namespace) -> int:
    """Start Qt (without a screen when there is none), then make the posters."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from gui import i18n
    from gui.app import application

    app = application()
    i18n.install(app, args.lang)
    return make_posters(args)


def make_posters(args: argparse.Namespace) -> int:
    """The posters ``args`` ask for, in the file they name; needs a running QGuiApplication."""
    out: Path = args.out.expanduser().resolve()
    if out.suffix.lower() not in FORMATS:
        return _fail(f"{args.out} must end in .pdf or .png")
    try:
        profile = Profile.open(args.profile or default_profile_folder())
    except ProfileError as error:
        return _fail(f"cannot open the profile: {error}")
    try:
        subjects = _subjects(profile, args)
        job = PosterJob(
            tuple(subjects), args.layout, show_commission=args.commission, language=args.language
        )
        with PictureCache.for_profile(profile).session(job.picture_size()) as pictures:
            if out.suffix.lower() == ".pdf":
                pages = write_pdf(job, out, pictures=pictures)
                print(f"wrote {out} ({pages} page{'s' if pages != 1 else ''})")
            else:
                for path in write_png(job, out, pictures=pictures):
                    print(f"wrote {path}")
        record_prints(profile, subjects, args.layout)
    except PosterOutputError as error:
        return _fail(str(error))
    except ZhangguiError as error:
        return _fail(messages.describe(error))
    finally:
        profile.close()
    return 0


def _subjects(profile: Profile, args: argparse.Namespace) -> list[PosterSubject]:
    if args.product:
        return product_subjects(profile, args.product)
    if args.sale_event is not None:
        return [sale_event_subject(profile, args.sale_event)]
    if args.manager is not None:
        return [manager_subject(profile, args.manager)]
    return [shop_subject(profile)]


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_FAILED

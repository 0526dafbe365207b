"""``mkdocs serve``: notice a save at once (inotify) instead of at the next poll.

Why: MkDocs watches the project with watchdog's polling observer, which lists every watched
folder and compares the lists every 0.5 s. A save waited 0.25 s on average (0.5 s at worst)
before the rebuild began, out of a 3 s budget for an edit to show, and the lists cost CPU all
the time (docs/ holds every generated page and file to download). On Linux the kernel reports a
save as it happens (inotify). ``use_events`` moves the server's watches to watchdog's event
observer when that works for every watched path, and leaves the polling observer otherwise (no
inotify, or too few inotify watches left: each folder takes one). The event observer passes on no
event of a file the build itself wrote (corpus/ownwrites.py), and no event of a file that is only
read (the kernel reports opening and closing too).
"""

from __future__ import annotations

import logging

log = logging.getLogger("mkdocs.plugins.corpus")


def _event_observer():
    """watchdog's native observer reporting changes only, or None where that is the polling one anyway.

    MkDocs rebuilds on any event of a watched file, and the kernel also reports a file opened
    or closed after reading: each build reads docs/, so every build would start the next one.
    """
    from watchdog import events
    from watchdog.observers import Observer
    from watchdog.observers.polling import PollingObserver

    if issubclass(Observer, PollingObserver):
        return None
    changes = [events.FileCreatedEvent, events.FileModifiedEvent, events.FileDeletedEvent, events.FileMovedEvent]

    class ChangesObserver(Observer):
        def schedule(self, event_handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
            return super().schedule(
                AuthorsChanges(event_handler), path, recursive=recursive, event_filter=event_filter or changes,
                follow_symlink=follow_symlink,
            )

    return ChangesObserver


def is_authors(event) -> bool:
    """Whether a file event can be an author's change, not the build's own writing (corpus/ownwrites.py).

    A file created or modified that is gone by now was renamed or removed: that event follows
    and is judged on its own.
    """
    import os

    from . import ownwrites

    if event.is_directory:
        return True
    if event.event_type == "moved":  # the build renames its temporary files over its pages
        return not ownwrites.is_own(event.dest_path)
    if event.event_type in ("created", "modified") and not os.path.lexists(event.src_path):
        return False
    return not ownwrites.is_own(event.src_path)


class AuthorsChanges:
    """An event handler passing on only the events that can be an author's change (``is_authors``)."""

    def __init__(self, handler):
        self.handler = handler

    def dispatch(self, event):
        if is_authors(event):
            self.handler.dispatch(event)


def _works(observer_class, paths: list[str]) -> bool:
    """Whether the event observer can watch every path (a trial: start, then stop)."""
    from watchdog.events import FileSystemEventHandler

    trial = observer_class()
    try:
        for path in paths:
            trial.schedule(FileSystemEventHandler(), path, recursive=True)
        trial.start()
        return True
    except OSError as err:  # ENOSPC: max_user_watches reached; ENOSYS / EMFILE …
        log.info(f"file changes are polled every 0.5 s (the kernel's file events are not available: {err})")
        return False
    finally:
        trial.unschedule_all()  # stops the emitters started before a failure, and their inotify handles
        if trial.is_alive():
            trial.stop()
            trial.join(5)


def use_events(server, extra_paths: list[str]) -> bool:
    """Watch ``server``'s paths (and ``extra_paths``, which MkDocs watches next) with file events.

    Called from ``on_serve``, before the server starts its observer. The paths watched so far
    are unwatched from the polling observer and watched again from the event observer, through
    the server's own ``watch`` and ``unwatch``. Returns whether the server now uses events.
    """
    observer_class = _event_observer()
    watched = dict(getattr(server, "_watched_paths", {}) or {})
    observer = getattr(server, "observer", None)
    if observer_class is None or observer is None or observer.is_alive() or not watched:
        return False
    if not _works(observer_class, [*watched, *extra_paths]):
        return False
    for path, count in watched.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = observer_class()
    for path, count in watched.items():
        for _ in range(count):
            server.watch(path)
    return True

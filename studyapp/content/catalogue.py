"""Every course under a content folder; a broken one never hides the others. Courses whose
files have not changed since they were last checked come from the cache (cache.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from studyapp.content import cache
from studyapp.content.model import Course
from studyapp.content.problems import CourseError, Problem


@dataclass(frozen=True)
class Catalogue:
    """Every course found under a content folder, and the folders that failed to load."""

    courses: tuple[Course, ...]
    broken: dict[str, tuple[Problem, ...]] = field(default_factory=dict)

    def course(self, course_id: str) -> Course:
        for course in self.courses:
            if course.id == course_id:
                return course
        known = ", ".join(c.id for c in self.courses) or "none"
        raise KeyError(f"unknown course '{course_id}' (courses: {known})")


def cached_course(root: Path, course_id: str) -> Course | None:
    """One course of the folder as it was last checked, if none of its files changed: the
    one a learner had open, shown before the rest of the library is read."""
    folder = root / course_id
    try:
        inside = root.resolve() in folder.resolve().parents and folder.is_dir()
    except (OSError, ValueError):  # a name saved by hand in the settings
        return None
    return cache.cached(folder) if inside else None


def load_catalogue(root: Path) -> Catalogue:
    """Load every course folder under `root`; a broken one never hides the others."""
    courses: list[Course] = []
    broken: dict[str, tuple[Problem, ...]] = {}
    folders = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    for folder in folders:
        if root.resolve() not in folder.resolve().parents:  # a link: nothing outside is read
            message = f"course folder '{folder.name}' lies outside the content folder"
            broken[folder.name] = (Problem(folder, 1, message),)
            continue
        course = cache.cached(folder)
        if course is not None:
            courses.append(course)
            continue
        from studyapp.content.loader import load_course  # YAML and every check: when changed

        try:
            course = load_course(folder)
        except CourseError as error:
            broken[folder.name] = error.problems
        else:
            courses.append(course)
            cache.keep(folder, course)
    return Catalogue(tuple(courses), broken)

"""StudyApp: read an article as lessons, take quizzes on it, track mastery."""

__version__ = "0.1.0"

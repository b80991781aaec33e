"""One covering index for the statistics by lesson and by topic.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_answers_profile_course_lesson_topic",
        "answers",
        ["profile_id", "course_id", "lesson_id", "topic", "correct"],
    )
    op.drop_index("ix_answers_profile_lesson", "answers")
    op.drop_index("ix_answers_profile_topic", "answers")


def downgrade() -> None:
    op.create_index(
        "ix_answers_profile_topic", "answers", ["profile_id", "course_id", "topic", "correct"]
    )
    op.create_index(
        "ix_answers_profile_lesson", "answers", ["profile_id", "course_id", "lesson_id", "correct"]
    )
    op.drop_index("ix_answers_profile_course_lesson_topic", "answers")

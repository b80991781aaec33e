"""Quiz sessions, answers and per-item scheduling; each profile's desired retention.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("profiles") as batch:
        batch.add_column(
            sa.Column("desired_retention", sa.Float(), nullable=False, server_default="0.9")
        )
    op.create_table(
        "quiz_sessions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "profile_id",
            sa.Integer(),
            sa.ForeignKey("profiles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("course_id", sa.String(100), nullable=False),
        sa.Column("mode", sa.String(20), nullable=False),
        sa.Column("lessons", sa.Text(), nullable=False),
        sa.Column("question_count", sa.Integer(), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("questions", sa.Text(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
    )
    op.create_index(
        "ix_quiz_sessions_profile_started", "quiz_sessions", ["profile_id", "started_at"]
    )
    op.create_table(
        "answers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "profile_id",
            sa.Integer(),
            sa.ForeignKey("profiles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "session_id",
            sa.Integer(),
            sa.ForeignKey("quiz_sessions.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("course_id", sa.String(100), nullable=False),
        sa.Column("lesson_id", sa.String(100), nullable=False),
        sa.Column("question_id", sa.String(200), nullable=False),
        sa.Column("question_type", sa.String(40), nullable=False),
        sa.Column("topic", sa.String(20), nullable=False),
        sa.Column("item_ids", sa.Text(), nullable=False),
        sa.Column("response", sa.Text(), nullable=False),
        sa.Column("correct", sa.Boolean(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=False),
        sa.Column("answered_at", sa.DateTime(), nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
    )
    op.create_index("ix_answers_profile_day", "answers", ["profile_id", "day", "correct"])
    op.create_index(
        "ix_answers_profile_lesson", "answers", ["profile_id", "course_id", "lesson_id", "correct"]
    )
    op.create_index(
        "ix_answers_profile_topic", "answers", ["profile_id", "course_id", "topic", "correct"]
    )
    op.create_index("ix_answers_session", "answers", ["session_id"])
    op.create_table(
        "item_states",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "profile_id",
            sa.Integer(),
            sa.ForeignKey("profiles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("course_id", sa.String(100), nullable=False),
        sa.Column("item_id", sa.String(200), nullable=False),
        sa.Column("lesson_id", sa.String(100), nullable=False),
        sa.Column("card", sa.Text(), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column("last_review_at", sa.DateTime(), nullable=True),
        sa.Column("reviews", sa.Integer(), nullable=False),
        sa.Column("lapses", sa.Integer(), nullable=False),
        sa.UniqueConstraint("profile_id", "course_id", "item_id", name="uq_item_states_item"),
    )
    op.create_index("ix_item_states_profile_due", "item_states", ["profile_id", "due_at"])


def downgrade() -> None:
    op.drop_table("item_states")
    op.drop_table("answers")
    op.drop_table("quiz_sessions")
    with op.batch_alter_table("profiles") as batch:
        batch.drop_column("desired_retention")

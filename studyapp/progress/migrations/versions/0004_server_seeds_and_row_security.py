"""On a PostgreSQL server: seeds of 64 bits, and each learner's login sees only its rows.

SQLite needs neither: its integers are 64-bit already, and a file has no logins. On
PostgreSQL, row-level security lets a learner's role (made by `main.py class grant`) read
and write only the rows of the profile named like the role; the teacher's role, which owns
the tables because it ran the migrations, is not bound by the policies and reads all.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

OWN_PROFILE = "name = current_user"
OWN_ROWS = "profile_id IN (SELECT id FROM profiles WHERE name = current_user)"
LEARNERS_TABLES = ("lesson_reads", "quiz_sessions", "answers", "item_states")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.alter_column("quiz_sessions", "seed", type_=sa.BigInteger(), existing_type=sa.Integer())
    op.execute("ALTER TABLE profiles ENABLE ROW LEVEL SECURITY")
    op.execute(
        f"CREATE POLICY own_profile ON profiles USING ({OWN_PROFILE}) WITH CHECK ({OWN_PROFILE})"
    )
    for table in LEARNERS_TABLES:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY own_rows ON {table} USING ({OWN_ROWS}) WITH CHECK ({OWN_ROWS})")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in LEARNERS_TABLES:
        op.execute(f"DROP POLICY own_rows ON {table}")
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    op.execute("DROP POLICY own_profile ON profiles")
    op.execute("ALTER TABLE profiles DISABLE ROW LEVEL SECURITY")
    op.alter_column("quiz_sessions", "seed", type_=sa.Integer(), existing_type=sa.BigInteger())

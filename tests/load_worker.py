"""One learner of a class answering questions as fast as they come, for the load test and
for `benchmarks/run.py --server`: prints one JSON line with each answer's time in
milliseconds, whole (grading, saving, what changed) and of its one transaction alone.

    python -m tests.load_worker URL PROFILE ANSWERS SEED
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path
from typing import Any

from studyapp.demo import right_response, wrong_response
from studyapp.service import StudyService

CONTENT = Path(__file__).resolve().parents[1] / "content"


def main(url: str, profile: str, answers: int, seed: int) -> int:
    service = StudyService.open(CONTENT, url, profile)
    rng = random.Random(seed)
    times: list[float] = []
    commits: list[float] = []
    record = service.store.record_answer

    def timed_record(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return record(*args, **kwargs)
        finally:
            commits.append((time.perf_counter() - started) * 1000)

    service.store.record_answer = timed_record  # type: ignore[method-assign]
    quiz = 0
    while len(times) < answers:
        run = service.start_quiz("nato-russia", count=40, seed=seed * 1000 + quiz)
        quiz += 1
        for question in run.questions[: answers - len(times)]:
            given = (
                right_response(question) if rng.random() < 0.7 else wrong_response(question, rng)
            )
            started = time.perf_counter()
            service.answer(run, question, given, seconds=rng.uniform(2, 20))
            times.append((time.perf_counter() - started) * 1000)
        service.finish_quiz(run)
    service.close()
    print(json.dumps({"profile": profile, "answer_ms": times, "commit_ms": commits}))
    return 0


if __name__ == "__main__":
    url, profile, answers, seed = sys.argv[1:5]
    sys.exit(main(url, profile, int(answers), int(seed)))

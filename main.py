"""Start StudyApp: `python main.py [command]` (see `python main.py --help`)."""

import sys

from studyapp.cli import main

if __name__ == "__main__":
    sys.exit(main())

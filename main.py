"""Start StudyApp: `python main.py [command]` (see `python main.py --help`)."""

import sys

if __name__ == "__main__":
    if len(sys.argv) == 1:  # the window: past the command line's parser, to open sooner
        from studyapp.window import open_window

        sys.exit(open_window())
    from studyapp.cli import main

    sys.exit(main())

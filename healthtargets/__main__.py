import sys

from healthtargets.cli import main

sys.exit(main())

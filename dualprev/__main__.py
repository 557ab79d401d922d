from dualprev.app import main

raise SystemExit(main())

import TrameCLI

TrameMain.run()

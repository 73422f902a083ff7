import FeeDeskCLI
import Foundation

// The whole program is the command line; everything it does lives in FeeDeskCLI and FeeDeskApp.
exit(FeedeskCommandLine.run(Array(CommandLine.arguments.dropFirst()),
                            environment: ProcessInfo.processInfo.environment,
                            console: StandardConsole()))

import CLibFuzzer
import Glibc

/// Runs libFuzzer with the process's arguments (`-max_len`, `-timeout`, corpus folders...), calling
/// `body` with every input it makes; exits with libFuzzer's status.
public enum FuzzDriver {
    public static func run(_ body: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, body))
    }
}

import CardBatchFuzzing
import Foundation

// The libFuzzer driver of every harness; `CARDBATCH_FUZZ_TARGET` chooses which one this process runs
// (`make fuzz` runs each in turn). Built only by `make fuzz`: with CARDBATCH_FUZZ=1, Package.swift
// declares this target and adds `-sanitize=fuzzer,address` to the code it fuzzes.
//
// Two `main`s meet at the link: SwiftPM's (this file, renamed and aliased to `main`) and libFuzzer's,
// which clang links as a whole archive and which calls `LLVMFuzzerTestOneInput`. Both lead to the same
// harness: this file passes it to `LLVMFuzzerRunDriver`, libFuzzer's entry for programs with a main
// of their own, and exports it as `LLVMFuzzerTestOneInput`.

/// The harness of this process, read from the environment once.
enum Selected {
    static let target: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["CARDBATCH_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("cardbatch-fuzz: set CARDBATCH_FUZZ_TARGET to one of \(names)\n".utf8))
            exit(64)
        }
        return target
    }()
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    Selected.target.run(bytes)
    return 0
}

/// compiler-rt's FuzzerInterface.h.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

_ = Selected.target
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))

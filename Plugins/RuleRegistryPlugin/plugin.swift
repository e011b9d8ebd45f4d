import PackagePlugin

/// Generates `RuleRegistry+Generated.swift` for CardBatchCore from its rule files, so that adding a
/// rule is adding its file: see RuleRegistryGenerator.
@main
struct RuleRegistryPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        guard let module = target as? SourceModuleTarget else { return [] }
        let rules = module.sourceFiles(withSuffix: "swift").map(\.url).filter { $0.path.contains("/Rules/") }
        let output = context.pluginWorkDirectoryURL.appending(path: "RuleRegistry+Generated.swift")
        return [.buildCommand(displayName: "Generating the rule registry from \(rules.count) rule files",
                              executable: try context.tool(named: "RuleRegistryGenerator").url,
                              arguments: [output.path] + rules.map(\.path), inputFiles: rules, outputFiles: [output])]
    }
}

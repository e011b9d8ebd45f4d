import CardBatchCore
import CardBatchNative
import Foundation

/// A throwaway PostgreSQL cluster for the tests: `initdb` into a temporary folder, `pg_ctl start` on a
/// Unix socket in that folder (no TCP port), run as the `postgres` user when the tests run as root
/// (PostgreSQL refuses to run as root). Stopped and removed when the test process exits, or by `stop`.
///
/// The server binaries come from Debian's `postgresql` package (`make test-deps` installs it).
public final class PostgresServer: Sendable {
    /// The folder holding the cluster (`data/`), its log and its socket.
    public let directory: String
    /// The database superuser the tests connect as.
    public let user: String

    /// One cluster for every test of the process that needs only a database of its own.
    public static func shared() throws -> PostgresServer {
        try sharedServer.withLock { server in
            if let server { return server }
            let started = try PostgresServer()
            server = started
            return started
        }
    }

    private static let sharedServer = Locked<PostgresServer?>(nil)

    /// Creates and starts a new cluster.
    public init() throws {
        let bin = try Self.binaries()
        let asUser = getuid() == 0 ? "postgres" : nil
        user = asUser ?? ProcessInfo.processInfo.userName
        var template = Array("/tmp/cardbatch-pg-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw Failure("cannot create a folder for the test cluster") }
        directory = String(cString: made)
        if let asUser, let account = getpwnam(asUser) {
            chown(directory, account.pointee.pw_uid, account.pointee.pw_gid)
        }
        _ = stopClustersAtExit
        runningClusters.withLock { $0.append(directory) }
        try Self.run(asUser, "\(bin)/initdb", ["-D", "\(directory)/data", "-A", "trust", "-U", user, "--no-sync", "-E", "UTF8", "--locale=C"])
        try start()
    }

    /// Starts the cluster (again, after `stop`).
    public func start() throws {
        let bin = try Self.binaries()
        try Self.run(getuid() == 0 ? "postgres" : nil, "\(bin)/pg_ctl", [
            "-D", "\(directory)/data", "-l", "\(directory)/server.log", "-w", "-t", "60",
            "-o", "-k \(directory) -c listen_addresses= -c fsync=off -c max_connections=200", "start",
        ])
    }

    /// Stops the cluster at once (the clients' connections drop, as when a server crashes or is
    /// restarted under them); `start` brings it back with its data.
    public func stop() throws {
        let bin = try Self.binaries()
        try Self.run(getuid() == 0 ? "postgres" : nil, "\(bin)/pg_ctl", ["-D", "\(directory)/data", "-w", "-t", "60", "-m", "fast", "stop"])
    }

    /// A connection string for `database` on this cluster (no password: the cluster trusts its socket).
    public func url(_ database: String) -> String {
        "postgresql://\(user)@/\(database)?host=\(directory)"
    }

    /// A new, empty database, named after `label`; returns its connection string.
    public func createDatabase(_ label: String = "t") throws -> String {
        let name = "\(label.lowercased().filter { $0.isLetter || $0.isNumber })_\(UInt32.random(in: 0...UInt32.max))"
        let admin = try PostgresConnection(url("postgres"))
        try admin.execute("CREATE DATABASE \(name)")
        return url(name)
    }

    /// The newest installed server's binaries (`/usr/lib/postgresql/N/bin` on Debian).
    static func binaries() throws -> String {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).sorted()
        for version in versions.reversed() where FileManager.default.isExecutableFile(atPath: "\(root)/\(version)/bin/pg_ctl") {
            return "\(root)/\(version)/bin"
        }
        throw Failure("no PostgreSQL server under \(root): make test-deps installs Debian's postgresql")
    }

    /// Runs a server program to completion, through `posix_spawn` and `waitpid`, its output into a
    /// file. Foundation's `Process` would not do: it learns of an exit through a socket the child
    /// inherits, and the server `pg_ctl start` leaves running inherits it too, so it never returns.
    static func run(_ user: String?, _ program: String, _ arguments: [String]) throws {
        let log = NSTemporaryDirectory() + "cardbatch-pg-\(UUID().uuidString).log"
        defer { unlink(log) }
        let argv = (user.map { ["/usr/sbin/runuser", "-u", $0, "--", program] } ?? [program]) + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArguments, environ)
        guard spawned == 0 else { throw Failure("cannot start \(argv[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = status & 0x7f == 0, code = (status >> 8) & 0xff
        guard exited && code == 0 else {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw Failure("\((program as NSString).lastPathComponent) failed (status \(status)): \(text)")
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }
}

/// Clusters to stop when the test process exits.
private let runningClusters = Locked<[String]>([])

private let stopClustersAtExit: Void = {
    atexit {
        for directory in runningClusters.withLock({ $0 }) {
            // An immediate shutdown (SIGQUIT to the postmaster), then the folder goes.
            if let text = try? String(contentsOfFile: "\(directory)/data/postmaster.pid", encoding: .utf8),
               let pid = Int32(text.split(separator: "\n").first ?? "") {
                kill(pid, SIGQUIT)
                for _ in 0..<200 where kill(pid, 0) == 0 { usleep(10_000) }
            }
            try? FileManager.default.removeItem(atPath: directory)
        }
    }
}()

import BankCallbacks
import FeeDeskApp
import FeeDeskHTTP
import Foundation

extension Commands {
    static let serve: [CommandSpec] = [
        CommandSpec("serve", options: [.optional("listen", "HOST:PORT"), .optional("threads", "N")],
                    summary: "Chạy dịch vụ HTTP / run the HTTP service (Ctrl-C stops it gracefully)") { context in
            let app = try context.app()
            var options = FeeDeskServer.Options(listen: context.arguments.option("listen") ?? app.config.listen)
            options.threads = try context.count("threads", default: 32)
            options.environment = context.environment
            let waiter = SignalWaiter(signals: [SIGINT, SIGTERM])
            let server = try FeeDeskServer(app: app, options: options)
            let missing = app.config.partners.filter { FeeDesk.secrets(for: $0.id, environment: context.environment).isEmpty }.map(\.id)
            context.console.error("FeeDesk đang chạy tại / serving on http://\(server.address) — \(app.database.path)")
            if !missing.isEmpty {
                context.console.error("Cảnh báo / warning: no secret for partner(s) \(missing.joined(separator: ", ")); their callbacks get 503 "
                                      + "(set FEEDESK_SECRET_<PARTNER>).")
            }
            let signal = waiter.wait()
            context.console.error("Nhận tín hiệu \(signal), đang dừng / stopping: finishing requests in flight…")
            let cut = server.stop(grace: .seconds(10))
            context.console.error("Đã dừng / stopped" + (cut > 0 ? " (\(cut) requests cut off)." : "."))
            return 0
        },
        CommandSpec("user add", arguments: ["NAME"], options: [.required("role", "desk|accountant|admin|register")],
                    summary: "Tạo tài khoản nhân viên; mật khẩu từ stdin / add a staff user (password on stdin)") { context in
            let role = try StaffRole(parsing: context.arguments.required("role"))
            let password = try readPassword(context)
            try context.app().addUser(name: context.arguments.positionals[0], role: role, password: password, by: context.actor)
            context.console.out("Đã tạo / created user \(context.arguments.positionals[0]) (\(role.rawValue)).")
            return 0
        },
        CommandSpec("token create", arguments: ["USER"], options: [.optional("label", "TEXT")],
                    summary: "Tạo mã API (chỉ hiện một lần) / create an API bearer token (shown once)") { context in
            let token = try context.app().createToken(user: context.arguments.positionals[0],
                                                      label: context.arguments.option("label") ?? "api", by: context.actor)
            if context.globals.json { try context.printJSON(["token": token]) } else { context.console.out(token) }
            return 0
        },
        CommandSpec("callback sign", options: [.required("partner", "ID"), .required("body", "FILE")],
                    summary: "In tiêu đề/chữ ký đối tác phải gửi / print the headers a partner must send") { context in
            let config = try context.config()
            let id = context.arguments.required("partner")
            guard let partner = config.partners.first(where: { $0.id == id }), let scheme = CallbackScheme(rawValue: partner.scheme) else {
                throw AppError.input("no callback partner is called '\(id)'")
            }
            let path = context.arguments.required("body")
            guard let body = FileManager.default.contents(atPath: path) else { throw AppError.file(path: path, message: "the file cannot be read") }
            guard let secret = FeeDesk.secrets(for: id, environment: context.environment).first else {
                throw AppError.input("no secret for partner '\(id)': set FEEDESK_SECRET_\(id.uppercased().replacingOccurrences(of: "-", with: "_"))")
            }
            let signed = try scheme.sign(body: Array(body), secret: secret, now: Date())
            if context.globals.json {
                struct Signed: Encodable { let headers: [String: String]; let body: String }
                try context.printJSON(Signed(headers: Dictionary(signed.headers.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 }),
                                             body: String(decoding: signed.body, as: UTF8.self)))
            } else {
                for header in signed.headers { context.console.out("\(header.name): \(header.value)") }
                if signed.body != Array(body) { context.console.out("\n" + String(decoding: signed.body, as: UTF8.self)) }
            }
            return 0
        },
    ]

    /// The password from standard input: prompted without echo on a terminal, else the first line.
    static func readPassword(_ context: CommandContext) throws -> String {
        if isatty(STDIN_FILENO) == 1, let typed = getpass("Mật khẩu / password: ") {
            return String(cString: typed)
        }
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw AppError.input("give the password on standard input (e.g. echo \"$PASSWORD\" | feedesk user add NAME --role desk)")
        }
        return line
    }
}

import Foundation
import Hummingbird

/// The style sheet and a health check (no session needed; no personal data).
enum StaticRoutes {
    static func register(on router: Router<WebContext>, services: WebServices) {
        let css = (try? Data(contentsOf: services.pages.directory.appendingPathComponent("style.css"))) ?? Data()
        router.get("/static/style.css") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.contentType] = "text/css; charset=utf-8"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: css)))
        }
        router.get("/sante") { _, _ -> Response in
            Pages.json(#"{"etat":"ok"}"#)
        }
    }
}

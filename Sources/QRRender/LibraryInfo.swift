import CPNG
import CQREncode

/// Versions of the C libraries behind QR rendering.
public enum QRRenderLibraries {
    /// libqrencode's version, for example `4.1.1`.
    public static var qrencodeVersion: String {
        var major: Int32 = 0, minor: Int32 = 0, micro: Int32 = 0
        QRcode_APIVersion(&major, &minor, &micro)
        return "\(major).\(minor).\(micro)"
    }

    /// libpng's version, for example `1.6.39`.
    public static var pngVersion: String {
        png_get_libpng_ver(nil).map { String(cString: $0) } ?? "unknown"
    }
}

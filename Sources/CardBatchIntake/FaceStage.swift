import CardBatchCore
public import CardBatchNative

/// The face landmark model, loaded once per process and shared by every worker's detector.
public enum FaceStage {
    private static let models = Locked<[String: FaceModel]>([:])

    /// The model at `path`, loaded (and its SHA-256 checked) the first time it is asked for. The
    /// commands ask at start-up, so a missing or wrong model stops a run before any bundle is read.
    public static func model(path: String) throws(FaceDetectorError) -> FaceModel {
        if let loaded = models.withLock({ $0[path] }) { return loaded }
        let model = try FaceModel(path: path)
        return models.withLock { loaded in
            if let earlier = loaded[path] { return earlier }
            loaded[path] = model
            return model
        }
    }
}

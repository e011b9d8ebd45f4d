public import CardBatchCore
public import CardBatchNative

extension FoundFace {
    /// What dlib found, as the face measures take it.
    public init(_ detected: DetectedFace) {
        self.init(left: detected.left, top: detected.top, right: detected.right, bottom: detected.bottom,
                  landmarks: detected.landmarks.map { Point(x: $0.x, y: $0.y) })
    }
}

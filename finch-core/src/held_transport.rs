//! How a client holds its transport: the built-in one directly, any other boxed behind the
//! object-safe [`DynTransport`]. Kept out of `transport.rs`, the seam, which knows no transport
//! of its own.

use bytes::Bytes;
use std::sync::Arc;

#[cfg(feature = "reqwest")]
use crate::reqwest_transport::ReqwestTransport;
use crate::transport::{Transport, TransportError, TransportFuture};

/// The object-safe form the client stores.
pub(crate) trait DynTransport: Send + Sync + 'static {
    fn send_boxed(&self, request: http::Request<Bytes>) -> TransportFuture<'_>;
}

impl<T: Transport> DynTransport for T {
    fn send_boxed(&self, request: http::Request<Bytes>) -> TransportFuture<'_> {
        Box::pin(self.send(request))
    }
}

/// The transport a client holds: the built-in one is called directly, so that its future is not
/// boxed on every request (a box and a copy of a large future); any other through
/// [`DynTransport`].
#[derive(Clone)]
pub(crate) enum HeldTransport {
    #[cfg(feature = "reqwest")]
    Reqwest(ReqwestTransport),
    Dyn(Arc<dyn DynTransport>),
}

impl HeldTransport {
    pub(crate) fn new<T: Transport>(transport: T) -> Self {
        #[cfg(feature = "reqwest")]
        if let Some(reqwest) = (&transport as &dyn std::any::Any).downcast_ref::<ReqwestTransport>()
        {
            return HeldTransport::Reqwest(reqwest.clone());
        }
        HeldTransport::Dyn(Arc::new(transport))
    }

    pub(crate) async fn send(
        &self,
        request: http::Request<Bytes>,
    ) -> Result<http::Response<Bytes>, TransportError> {
        match self {
            #[cfg(feature = "reqwest")]
            HeldTransport::Reqwest(transport) => transport.send(request).await,
            HeldTransport::Dyn(transport) => transport.send_boxed(request).await,
        }
    }
}

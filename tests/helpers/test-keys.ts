// Age key pairs made for the tests only (`age-keygen`): they protect no real person's data. The
// coordinators' and the backup keys stand for a programme's recipients; the stranger's key is
// anybody else's.
export const coordinatorKey = {
  identity: 'AGE-SECRET-KEY-19WKS87J0YZFCKHHT8CKQ3EDJRKR5Y5NWUPRUA749GLZGTS6D4NNSGKUZ50',
  recipient: 'age12nuxcf4f58lsqx4zx9vujrmlsy0cxxr3cdy60jl8kgq683c9fstsmk7lh4',
};
export const backupKey = {
  identity: 'AGE-SECRET-KEY-1YCLR8N3GAU3RXCLTTWJWW940XM8TFXG8P3N3DZN596MUUKQF2X5QUN8N0C',
  recipient: 'age13mu4305shlfthr73gx5nu2av9znmy87en9hun2nv6ng86g9qpvasv9s6qe',
};
export const strangerKey = {
  identity: 'AGE-SECRET-KEY-1MRLLW5NU722KTUKYEE0C8QJR47VED24JS5JGHKYD36ZGSGQ5YKZQZUXM9K',
  recipient: 'age19v3lwhz2vh0e07hswqe8up493ql3zc8nmv8uj5tp00ue0gxgav3qdsl0l5',
};

/** The recipients a test intake seals to: the coordinators' key and the backup key. */
export const testRecipients = [coordinatorKey.recipient, backupKey.recipient] as const;

package j25;

class InstanceMain {
  void main() {}
}

package j25;

public class InstanceWithArgs {
  protected void main(String[] args) {}
}
